package ai.lyss.tracing.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SQL literal masking used where OpenTelemetry's analyzer cannot run. */
class SqlLiteralsTest {

  @Test
  void stringAndNumberLiteralsBecomePlaceholders() {
    assertThat(
            SqlLiterals.mask("SELECT email FROM users WHERE email = 'alice@example.com' AND id=42"))
        .isEqualTo("SELECT email FROM users WHERE email = ? AND id=?");
  }

  @Test
  void doubledQuotesAndBackslashEscapesStayInsideTheLiteral() {
    assertThat(SqlLiterals.mask("UPDATE t SET a = 'it''s', b = \"x\\\"y\" WHERE c = 1.5e3"))
        .isEqualTo("UPDATE t SET a = ?, b = ? WHERE c = ?");
  }

  @Test
  void identifiersWithDigitsAndPlaceholdersStay() {
    assertThat(SqlLiterals.mask("SELECT t1.col_2 FROM table3 t1 WHERE t1.x = ?"))
        .isEqualTo("SELECT t1.col_2 FROM table3 t1 WHERE t1.x = ?");
  }

  @Test
  void commentsAreDropped() {
    assertThat(SqlLiterals.mask("SELECT 1 /* token=abc */ FROM dual -- secret\nWHERE a = b"))
        .isEqualTo("SELECT ?  FROM dual \nWHERE a = b");
  }

  @Test
  void unterminatedLiteralMasksTheRest() {
    assertThat(SqlLiterals.mask("SELECT * FROM t WHERE a = 'open"))
        .isEqualTo("SELECT * FROM t WHERE a = ?");
  }
}
