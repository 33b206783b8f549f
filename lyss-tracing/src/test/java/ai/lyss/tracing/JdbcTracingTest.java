package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.tracing.jdbc.TracingDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcTracingTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final LyssTracing tracing = TestTracing.start(spans);
  private DataSource dataSource;

  @BeforeEach
  void setUp() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:jdbc_tracing_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
      s.execute("INSERT INTO users VALUES (1, 'alice@example.com')");
    }
    dataSource = TracingDataSource.wrap(h2, tracing);
  }

  @AfterEach
  void close() {
    tracing.close();
  }

  private static String statementText(SpanData span) {
    String text = span.getAttributes().get(AttributeKey.stringKey("db.query.text"));
    return text != null ? text : span.getAttributes().get(AttributeKey.stringKey("db.statement"));
  }

  private List<SpanData> clientSpans() {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.CLIENT)
        .toList();
  }

  @Test
  void statementRunsInAClientSpanWithLiteralsReplaced() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT email FROM users WHERE email = 'alice@example.com'")) {
      assertThat(rs.next()).isTrue();
    }
    assertThat(clientSpans()).hasSize(1);
    String text = statementText(clientSpans().get(0));
    assertThat(text).isEqualTo("SELECT email FROM users WHERE email = ?");
  }

  @Test
  void parameterValuesAreNeverCaptured() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT email FROM users WHERE id = ?")) {
      ps.setInt(1, 1);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
      }
    }
    SpanData span = clientSpans().get(0);
    assertThat(statementText(span)).isEqualTo("SELECT email FROM users WHERE id = ?");
    assertThat(span.getAttributes().asMap().values()).noneMatch(v -> v.toString().equals("1"));
    assertThat(span.getAttributes().asMap().keySet())
        .noneMatch(k -> k.getKey().contains("parameter"));
  }

  @Test
  void statementSpanIsAChildOfTheCurrentSpan() throws Exception {
    String parent =
        tracing.traced(
            "load user",
            () -> {
              try (Connection c = dataSource.getConnection();
                  Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1").close();
              }
              return io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId();
            });
    assertThat(clientSpans())
        .singleElement()
        .satisfies(s -> assertThat(s.getParentSpanId()).isEqualTo(parent));
  }
}
