package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.OtlpReceiver;
import ai.lyss.testing.Poll;
import ai.lyss.tracing.internal.CountingSpanExporter;
import ai.lyss.tracing.micrometer.TracingMetrics;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A collector outage is reported once when it starts and once when it ends, counted, and never
 * logged per batch; shutdown does not wait for a collector that is known to be down.
 */
class ExportOutageTest {

  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(CountingSpanExporter.class);
  private final List<LogRecord> otelRecords = new CopyOnWriteArrayList<>();
  private final List<java.util.logging.Logger> otelLoggers =
      List.of(
          java.util.logging.Logger.getLogger(
              "io.opentelemetry.exporter.otlp.internal.HttpExporter"),
          java.util.logging.Logger.getLogger(
              "io.opentelemetry.exporter.internal.http.HttpExporter"));
  private final Handler otelHandler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          otelRecords.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void capture() {
    logger.setLevel(Level.INFO);
    events.start();
    logger.addAppender(events);
    otelLoggers.forEach(l -> l.addHandler(otelHandler));
  }

  @AfterEach
  void release() {
    logger.detachAppender(events);
    logger.setLevel(null);
    otelLoggers.forEach(l -> l.removeHandler(otelHandler));
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static LyssTracingBuilder toPort(int port) {
    return LyssTracing.builder()
        .serviceName("outage")
        .endpoint("http://127.0.0.1:" + port + "/v1/traces")
        .registerGlobal(false)
        .envLookup(name -> null)
        .scheduleDelay(Duration.ofMillis(20))
        .exportTimeout(Duration.ofMillis(500));
  }

  /** Ends a span now and then until {@code exports} exports have failed. */
  private static void failExports(LyssTracing tracing, long exports) {
    Poll.until(
        exports + " failed exports",
        Duration.ofSeconds(60),
        () -> {
          tracing.tracer().spanBuilder("lost").startSpan().end();
          return tracing.failedExports() >= exports;
        });
  }

  private static Duration timeClose(LyssTracing tracing) {
    long start = System.nanoTime();
    tracing.close();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private List<ILoggingEvent> at(Level level) {
    return List.copyOf(events.list).stream()
        .filter(e -> e.getLevel() == level)
        .collect(Collectors.toList());
  }

  @Test
  void refusedConnectionsGiveOneWarningWithoutStackTrace() throws Exception {
    int port = unusedPort();
    try (LyssTracing tracing = toPort(port).build()) {
      failExports(tracing, 3);
    }
    assertThat(at(Level.WARN)).hasSize(1);
    ILoggingEvent warning = at(Level.WARN).get(0);
    assertThat(warning.getFormattedMessage())
        .contains("http://127.0.0.1:" + port + "/v1/traces")
        .containsPattern("is failing \\((ConnectException|IOException|InterruptedIOException)[:)]")
        .contains("lyss_tracing_spans_export_failed_total");
    assertThat(warning.getThrowableProxy()).isNull();
  }

  @Test
  void openTelemetrysPerBatchErrorIsSilenced() throws Exception {
    try (LyssTracing tracing = toPort(unusedPort()).build()) {
      failExports(tracing, 3);
    }
    assertThat(otelRecords)
        .extracting(LogRecord::getMessage)
        .noneMatch(m -> m.matches("(?s)Failed to export ([0-9]+ )?spans\\..*"));
  }

  @Test
  void openTelemetrysOtherExporterMessagesStillPass() {
    java.util.logging.Logger otel = otelLoggers.get(0);
    ai.lyss.tracing.internal.OtelExportLogFilter.install();
    otel.warning("Failed to export 3 metrics. The request could not be executed.");
    otel.warning("Failed to export 3 spans. The request could not be executed.");
    otel.warning("Failed to export spans. The request could not be executed.");
    assertThat(otelRecords)
        .extracting(LogRecord::getMessage)
        .containsExactly("Failed to export 3 metrics. The request could not be executed.");
  }

  @Test
  void recoveryIsLoggedOnceAtInfoWithTheOutageFigures() throws Exception {
    int port = unusedPort();
    LyssTracing tracing = toPort(port).build();
    failExports(tracing, 2);
    try (OtlpReceiver receiver = new OtlpReceiver(port)) {
      Poll.until(
          "an export after the collector came back",
          Duration.ofSeconds(60),
          () -> {
            tracing.tracer().spanBuilder("kept").startSpan().end();
            return !receiver.spans().isEmpty() && !at(Level.INFO).isEmpty();
          });
      tracing.close(); // while the collector is still up
    }
    assertThat(at(Level.WARN)).hasSize(1);
    assertThat(at(Level.INFO)).hasSize(1);
    assertThat(at(Level.INFO).get(0).getFormattedMessage())
        .contains("recovered")
        .containsPattern("[0-9]+ exports with [0-9]+ spans failed");
  }

  @Test
  void failedExportsAreCountedInMetrics() throws Exception {
    try (LyssTracing tracing = toPort(unusedPort()).build()) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new TracingMetrics(tracing).bindTo(registry);
      failExports(tracing, 2);
      assertThat(registry.scrape())
          .containsPattern("(?m)^lyss_tracing_exports_failed_total [2-9][0-9.E]*$")
          .containsPattern("(?m)^lyss_tracing_spans_export_failed_total [1-9][0-9.E]*$");
    }
  }

  @Test
  void closeWithARefusingCollectorIsQuick() throws Exception {
    LyssTracing tracing = toPort(unusedPort()).build();
    failExports(tracing, 1);
    Poll.until("the outage warning", () -> at(Level.WARN).size() == 1);
    tracing.tracer().spanBuilder("queued").startSpan().end();
    // Known down: a 100 ms grace, not the 2 s close timeout. The margin is for a loaded machine.
    assertThat(timeClose(tracing)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void closeWithACollectorThatNeverAnswersIsQuickOnceAnExportTimedOut() throws Exception {
    try (BlackHoleCollector blackHole = new BlackHoleCollector()) {
      LyssTracing tracing = toPort(blackHole.port()).build();
      failExports(tracing, 1);
      Poll.until("the outage warning", () -> at(Level.WARN).size() == 1);
      tracing.tracer().spanBuilder("queued").startSpan().end();
      assertThat(timeClose(tracing)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void closeWithAnExportHangingInFlightWaitsAtMostTheDefaultTwoSeconds() throws Exception {
    try (BlackHoleCollector blackHole = new BlackHoleCollector()) {
      LyssTracing tracing = toPort(blackHole.port()).exportTimeout(Duration.ofSeconds(30)).build();
      tracing.tracer().spanBuilder("stuck").startSpan().end();
      Poll.until("the collector holds a connection", blackHole::holdsAConnection);
      // The close timeout (2 s by default) bounds it; the margin is for a loaded machine.
      assertThat(timeClose(tracing)).isLessThan(Duration.ofMillis(2_500));
    }
  }
}
