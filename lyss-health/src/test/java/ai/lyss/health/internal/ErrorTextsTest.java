package ai.lyss.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorTextsTest {

  @Test
  void masksUserInfoInUrls() {
    assertThat(ErrorTexts.clean("cannot reach redis://app:s3cr3t@cache:6379/0", 300))
        .isEqualTo("cannot reach redis://***@cache:6379/0")
        .doesNotContain("s3cr3t")
        .doesNotContain("app:");
  }

  @Test
  void masksWholeJdbcUrls() {
    assertThat(ErrorTexts.clean("No suitable driver found for jdbc:foo://db/x?password=pw", 300))
        .isEqualTo("No suitable driver found for jdbc:***");
  }

  @Test
  void masksPasswordLikeKeyValuePairs() {
    assertThat(ErrorTexts.clean("bad config password=hunter2, token: abc123; pwd='x y'", 300))
        .isEqualTo("bad config password=***, token: ***; pwd=***");
  }

  @Test
  void masksBearerAndBasicCredentials() {
    assertThat(ErrorTexts.clean("sent Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig", 300))
        .doesNotContain("eyJ")
        .contains("Bearer ***");
  }

  @Test
  void masksLiteralSecretsWherever_theyAppear() {
    assertThat(ErrorTexts.clean("login as lyss with Tr0ub4dor failed", 300, List.of("Tr0ub4dor")))
        .isEqualTo("login as lyss with *** failed");
  }

  @Test
  void keepsOrdinaryAuthenticationMessages() {
    assertThat(ErrorTexts.clean("FATAL: password authentication failed for user \"lyss\"", 300))
        .isEqualTo("FATAL: password authentication failed for user \"lyss\"");
  }

  @Test
  void removesControlCharactersAndCollapsesWhitespace() {
    assertThat(ErrorTexts.clean("line1\n\n  line2\u0000\tend ", 300)).isEqualTo("line1 line2 end");
  }

  @Test
  void capsLength() {
    assertThat(ErrorTexts.clean("x".repeat(1000), 50)).hasSize(50).endsWith("...");
  }

  @Test
  void describesAFailureByClassNameAndMessage() {
    assertThat(ErrorTexts.describe(new ConnectException("Connection refused"), 300, List.of()))
        .isEqualTo("ConnectException: Connection refused");
    assertThat(ErrorTexts.describe(new IllegalStateException(), 300, List.of()))
        .isEqualTo("IllegalStateException");
  }

  @Test
  void describesAFailureWithoutItsSecrets() {
    SQLException e = new SQLException("cannot connect to jdbc:postgresql://db/x as u/pw99secret");
    assertThat(ErrorTexts.describe(e, 300, List.of("pw99secret")))
        .isEqualTo("SQLException: cannot connect to jdbc:*** as u/***");
  }
}
