package ai.lyss.tracing.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lyss's own statement spans, used where OpenTelemetry's JDBC instrumentation cannot run. */
class StatementSpansTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .build();
  private DataSource dataSource;

  @BeforeEach
  void setUp() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:statement_spans_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
      s.execute("INSERT INTO users VALUES (1, 'alice@example.com')");
    }
    dataSource = TracingDataSource.builder(sdk).build().withStatementSpans(h2);
  }

  @AfterEach
  void close() {
    sdk.close();
  }

  private List<SpanData> clientSpans() {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.CLIENT)
        .toList();
  }

  private static String attribute(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  @Test
  void statementRunsInANamedClientSpanWithLiteralsReplaced() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT email FROM users WHERE email = 'alice@example.com'")) {
      assertThat(rs.next()).isTrue();
    }

    assertThat(clientSpans())
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.getName()).isEqualTo("SELECT");
              assertThat(attribute(span, "db.statement"))
                  .isEqualTo("SELECT email FROM users WHERE email = ?");
              assertThat(attribute(span, "db.system")).isEqualTo("h2");
            });
  }

  @Test
  void parameterValuesAreNeverCaptured() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT email FROM users WHERE id = ?")) {
      ps.setInt(1, 1);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
      }
    }

    SpanData span = clientSpans().get(0);
    assertThat(attribute(span, "db.statement")).isEqualTo("SELECT email FROM users WHERE id = ?");
    assertThat(span.getAttributes().asMap().values()).noneMatch(v -> v.toString().equals("1"));
  }

  @Test
  void statementSpanIsAChildOfTheCurrentSpan() throws SQLException {
    Span parent = sdk.getTracer("test").spanBuilder("load user").startSpan();
    Scope scope = parent.makeCurrent();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1").close();
    } finally {
      scope.close();
      parent.end();
    }

    assertThat(clientSpans())
        .singleElement()
        .satisfies(
            s -> assertThat(s.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId()));
  }

  @Test
  void failedStatementMarksTheSpanAsAnErrorAndStillFails() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertThatExceptionOfType(SQLException.class)
          .isThrownBy(() -> s.executeQuery("SELECT nope FROM missing_table"));
    }

    assertThat(clientSpans())
        .singleElement()
        .satisfies(
            span -> assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
  }

  @Test
  void spanNameFallsBackToTheStatementsFirstWord() {
    assertThat(StatementSpans.keyword("  select 1")).isEqualTo("SELECT");
    assertThat(StatementSpans.keyword("{call x()}")).isEqualTo("JDBC");
  }

  @Test
  void databaseSystemComesFromTheJdbcUrl() {
    assertThat(StatementSpans.system("jdbc:postgresql://db:5432/app")).isEqualTo("postgresql");
    assertThat(StatementSpans.system("jdbc:h2:mem:x")).isEqualTo("h2");
    assertThat(StatementSpans.system("not-a-url")).isNull();
  }
}
