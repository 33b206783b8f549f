package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.testing.SlowStatements;
import ai.lyss.tracing.jdbc.TracingDataSource;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

public class SlowQueryLogTest {

  private static final Duration THRESHOLD = Duration.ofMillis(50);

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final LyssTracing tracing = TestTracing.start(spans);
  private final Capture capture = new Capture();
  private final Logger slowQueryLogger =
      (Logger) LoggerFactory.getLogger("ai.lyss.tracing.jdbc.SlowQuery");
  private JdbcDataSource h2;

  @BeforeEach
  void setUp() throws Exception {
    h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:slow_query_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      s.execute(SlowStatements.H2_ALIAS);
      s.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100))");
      s.execute("INSERT INTO users VALUES (1, 'alice@example.com')");
    }
    capture.start();
    slowQueryLogger.addAppender(capture);
  }

  @AfterEach
  void tearDown() {
    slowQueryLogger.detachAppender(capture);
    MDC.clear();
    tracing.close();
  }

  private DataSource wrapped(TracingDataSource.Builder builder) {
    return builder.build().wrap(h2);
  }

  private static void query(DataSource dataSource, String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
    }
  }

  private static Map<String, Object> fields(ILoggingEvent event) {
    return event.getKeyValuePairs().stream()
        .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
  }

  @Test
  void slowStatementIsLoggedOnceAtWarningWithDurationMaskedStatementAndDatabase() throws Exception {
    DataSource db =
        wrapped(
            TracingDataSource.builder(tracing.getOpenTelemetry()).slowQueryThreshold(THRESHOLD));

    query(db, "SELECT email FROM users WHERE email = 'alice@example.com' AND SLEEP_MS(80) = 0");

    assertThat(capture.events).hasSize(1);
    ILoggingEvent event = capture.events.get(0);
    assertThat(event.getLevel()).isEqualTo(Level.WARN);
    assertThat(event.getFormattedMessage()).isEqualTo("slow query");
    Map<String, Object> fields = fields(event);
    assertThat(fields.get("statement"))
        .isEqualTo("SELECT email FROM users WHERE email = ? AND SLEEP_MS(?) = ?");
    assertThat(fields.get("duration_ms")).isInstanceOf(Double.class);
    assertThat((Double) fields.get("duration_ms")).isGreaterThanOrEqualTo(80.0);
    assertThat(fields.get("database")).asString().startsWith("SLOW_QUERY_");
  }

  @Test
  void statementBelowTheThresholdIsNotLogged() throws Exception {
    DataSource db =
        wrapped(
            TracingDataSource.builder(tracing.getOpenTelemetry())
                .slowQueryThreshold(Duration.ofSeconds(30)));

    query(db, "SELECT email FROM users WHERE id = 1");

    assertThat(capture.events).isEmpty();
  }

  @Test
  void slowQueryLineCarriesTheRequestContextAndIsLoggedInsideTheDatabaseSpan() throws Exception {
    DataSource db =
        wrapped(
            TracingDataSource.builder(tracing.getOpenTelemetry()).slowQueryThreshold(THRESHOLD));
    MDC.put("request_id", "req-1");
    MDC.put("tenant_id", "acme-corp");

    query(db, "SELECT SLEEP_MS(80) FROM users");

    ILoggingEvent event = capture.events.get(0);
    SpanData span =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getKind() == SpanKind.CLIENT)
            .findFirst()
            .orElseThrow();
    assertThat(event.getMDCPropertyMap())
        .containsEntry("request_id", "req-1")
        .containsEntry("tenant_id", "acme-corp");
    // lyss-logging writes trace_id/span_id from the span current when the line is logged
    SpanContext current = capture.currentSpans.get(0);
    assertThat(current.getTraceId()).isEqualTo(span.getTraceId());
    assertThat(current.getSpanId()).isEqualTo(span.getSpanId());
  }

  @Test
  void theWrapperStillWritesOneSpanPerStatement() throws Exception {
    DataSource db =
        wrapped(
            TracingDataSource.builder(tracing.getOpenTelemetry()).slowQueryThreshold(THRESHOLD));

    query(db, "SELECT SLEEP_MS(60) FROM users");

    assertThat(spans.getFinishedSpanItems())
        .filteredOn(s -> s.getKind() == SpanKind.CLIENT)
        .hasSize(1);
  }

  @Test
  void slowQueryLogCanBeTurnedOff() throws Exception {
    DataSource db =
        wrapped(
            TracingDataSource.builder(tracing.getOpenTelemetry())
                .slowQueryThreshold(THRESHOLD)
                .slowQueryLog(false));

    query(db, "SELECT SLEEP_MS(80) FROM users");

    assertThat(capture.events).isEmpty();
  }

  @Test
  void defaultThresholdIsOneSecond() {
    assertThat(TracingDataSource.builder(tracing.getOpenTelemetry()).build().slowQueryThreshold())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void nonPositiveThresholdFailsNamingTheSetting() {
    assertThatThrownBy(
            () ->
                TracingDataSource.builder(tracing.getOpenTelemetry())
                    .slowQueryThreshold(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slowQueryThreshold")
        .hasMessageContaining("slowQueryLog(false)");
  }

  /** Keeps events with their MDC copied, and the span that was current, at logging time. */
  private static final class Capture extends AppenderBase<ILoggingEvent> {
    final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    final List<SpanContext> currentSpans = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      currentSpans.add(Span.current().getSpanContext());
      events.add(event);
    }
  }
}
