package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.logging.internal.DroppedEvents;
import ai.lyss.logging.micrometer.LoggingMetrics;
import ai.lyss.testing.Poll;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AsyncDeliveryTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private LogCapture capture;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  @AfterEach
  void tearDown() throws InterruptedException {
    if (capture != null) {
      capture.stream.unblock();
      capture.close();
    }
    threads.shutdownNow();
    threads.awaitTermination(10, TimeUnit.SECONDS);
  }

  private StructuredLogger blockedPipeline(int queueSize, int auditReserve) throws Exception {
    capture =
        LogCapture.async(
            async -> {
              async.setQueueSize(queueSize);
              async.setAuditReserve(auditReserve);
              async.setDropReportIntervalMillis(60_000);
            });
    StructuredLogger log = capture.structured("ai.lyss.gateway");
    capture.stream.block();
    log.info("first event, stuck in the blocked writer");
    assertThat(capture.stream.awaitBlockedWriter(DEADLINE)).isTrue();
    return log;
  }

  @Test
  void requestThreadsNeverWaitForABlockedOutput() throws Exception {
    StructuredLogger log = blockedPipeline(64, 256);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      workers.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 2_000; i++) {
                  log.info("request handled", Fields.of("i", i, "tenant", "t1"));
                }
              }));
    }
    // The output stays blocked for the whole test: 8000 calls returning at all, far past the
    // queue's 64 slots, proves no call waits for it (a waiting one would hang until DEADLINE).
    for (Future<?> worker : workers) {
      worker.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    assertThat(capture.async.getDroppedCount()).isGreaterThan(0);
  }

  @Test
  void auditAndSecurityEventsAllArriveOnceTheOutputIsUnblocked() throws Exception {
    StructuredLogger log = blockedPipeline(16, 512);
    for (int i = 0; i < 500; i++) {
      log.info("noise " + i);
    }
    for (int i = 0; i < 200; i++) {
      log.audit("record.read", "t1", "u" + i, "read", "record/" + i, "success");
    }
    for (int i = 0; i < 50; i++) {
      log.security("auth.failed", Severity.MEDIUM, "attempt " + i);
    }

    capture.stream.unblock();
    Poll.until(
        "all audit and security lines",
        DEADLINE,
        () -> count(capture, "AUDIT") == 200 && count(capture, "SECURITY") == 50);
    assertThat(
            capture.lines().stream()
                .filter(line -> line.get("level").stringValue().equals("AUDIT"))
                .map(line -> line.get("user_id").stringValue())
                .distinct()
                .count())
        .isEqualTo(200);
  }

  @Test
  void auditEventsWaitForRoomRatherThanBeingDroppedWhenTheReserveIsFull() throws Exception {
    StructuredLogger log = blockedPipeline(2, 2);
    Future<?> auditor =
        threads.submit(
            () -> {
              for (int i = 0; i < 20; i++) {
                log.audit("key.rotate", "t1", "admin", "rotate", "key/" + i, "success");
              }
            });

    capture.stream.unblock();
    auditor.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    Poll.until("20 audit lines", DEADLINE, () -> count(capture, "AUDIT") == 20);
    assertThat(capture.async.getDroppedCount()).isZero();
  }

  @Test
  void everyDroppedInfoEventIsCounted() throws Exception {
    StructuredLogger log = blockedPipeline(32, 32);
    int sent = 1_000;
    for (int i = 0; i < sent; i++) {
      log.info("burst", Fields.of("i", i));
    }

    capture.stream.unblock();
    Poll.until(
        "written + dropped == sent",
        DEADLINE,
        () -> countMessage(capture, "burst") + capture.async.getDroppedCount() == sent);
    assertThat(capture.async.getDroppedCount()).isGreaterThan(0);
    assertThat(DroppedEvents.count("INFO")).isGreaterThanOrEqualTo(capture.async.getDroppedCount());
  }

  @Test
  void dropsAreReportedInAPeriodicWarningLine() throws Exception {
    capture =
        LogCapture.async(
            async -> {
              async.setQueueSize(8);
              async.setAuditReserve(8);
              async.setDropReportIntervalMillis(50);
            });
    StructuredLogger log = capture.structured("ai.lyss.gateway");
    capture.stream.block();
    log.info("stuck");
    assertThat(capture.stream.awaitBlockedWriter(DEADLINE)).isTrue();
    for (int i = 0; i < 100; i++) {
      log.info("burst");
    }

    capture.stream.unblock();
    Poll.until("a drop report line", DEADLINE, () -> count(capture, "WARNING") >= 1);
    JsonNode report =
        capture.lines().stream()
            .filter(line -> line.get("level").stringValue().equals("WARNING"))
            .findFirst()
            .orElseThrow();
    assertThat(report.get("logger").stringValue()).isEqualTo("ai.lyss.logging.LyssAsyncAppender");
    assertThat(report.get("dropped_events").longValue()).isPositive();
    assertThat(report.get("message").stringValue()).startsWith("Dropped ");
  }

  @Test
  void droppedEventsAreExposedAsAPrometheusCounterWithLevelLabel() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LoggingMetrics.create().bindTo(registry);
    StructuredLogger log = blockedPipeline(4, 4);
    for (int i = 0; i < 50; i++) {
      log.warning("burst");
    }

    String scrape = registry.scrape();
    assertThat(scrape).contains("# TYPE lyss_logging_events_dropped_total counter");
    double warnings = valueOf(scrape, "lyss_logging_events_dropped_total{level=\"WARNING\"}");
    assertThat(warnings).isGreaterThanOrEqualTo(40);
    assertThat(scrape).contains("lyss_logging_events_dropped_total{level=\"INFO\"}");
  }

  @Test
  void stopWritesEverythingStillQueued() {
    capture = LogCapture.async(async -> async.setQueueSize(10_000));
    StructuredLogger log = capture.structured("ai.lyss.gateway");
    for (int i = 0; i < 500; i++) {
      log.info("queued", Fields.of("i", i));
    }

    capture.async.stop();
    assertThat(countMessage(capture, "queued")).isEqualTo(500);
  }

  private static long count(LogCapture capture, String level) {
    return capture.lines().stream()
        .filter(line -> line.get("level").stringValue().equals(level))
        .count();
  }

  private static long countMessage(LogCapture capture, String message) {
    return capture.lines().stream()
        .filter(line -> line.get("message").stringValue().equals(message))
        .count();
  }

  private static double valueOf(String scrape, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " not in scrape:\n" + scrape));
  }
}
