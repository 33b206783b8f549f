package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.lyss.testing.Poll;
import ai.lyss.tracing.micrometer.TracingMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The host service comes first: an unreachable or hung collector must not hurt it. */
class CollectorDownTest {

  private static final int QUEUE = 64;
  private static final int SPANS = 20_000;

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static LyssTracing start(String endpoint) {
    return LyssTracing.builder()
        .serviceName("collector-down")
        .endpoint(endpoint)
        .registerGlobal(false)
        .envLookup(name -> null)
        .maxQueueSize(QUEUE)
        .scheduleDelay(Duration.ofMillis(20))
        .exportTimeout(Duration.ofMinutes(10)) // an export to the black hole hangs for the test
        .closeTimeout(Duration.ofSeconds(2))
        .build();
  }

  private static void produceSpans(LyssTracing tracing) {
    for (int i = 0; i < SPANS; i++) {
      tracing.tracer().spanBuilder("request").setAttribute("i", i).startSpan().end();
    }
  }

  private static void assertDropsCounted(LyssTracing tracing) {
    // Bounded queue: almost everything beyond its capacity is dropped, and counted.
    Poll.until("drops counted", () -> tracing.droppedSpans() >= SPANS - 10L * QUEUE);
  }

  /**
   * Closes within a minute: far above the 2 s close timeout on any machine, far below the 10 min an
   * export to the black hole would take, so only a close that waits for the network fails.
   */
  private static void assertClosesWithoutWaitingForTheExport(LyssTracing tracing) {
    assertTimeoutPreemptively(Duration.ofMinutes(1), tracing::close);
  }

  @Test
  void portNobodyListensOnKeepsLatencyDropsAndClosesInTime() throws Exception {
    LyssTracing tracing = start("http://127.0.0.1:" + unusedPort() + "/v1/traces");
    produceSpans(tracing);
    assertDropsCounted(tracing);
    assertClosesWithoutWaitingForTheExport(tracing);
  }

  @Test
  void collectorThatAcceptsButNeverAnswersKeepsLatencyDropsAndClosesInTime() throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                while (!blackHole.isClosed()) {
                  try {
                    held.add(blackHole.accept());
                  } catch (IOException closed) {
                    return;
                  }
                }
              },
              "black-hole-collector");
      acceptor.setDaemon(true);
      acceptor.start();
      LyssTracing tracing = start("http://127.0.0.1:" + blackHole.getLocalPort() + "/v1/traces");
      tracing.tracer().spanBuilder("first").startSpan().end();
      Poll.until("an export hanging on the black hole", () -> !held.isEmpty());

      produceSpans(tracing);

      // Every span ended while that export hung (it fails only after 10 min): ending a span never
      // waits on the network. Proven by the condition, not by timing the calls.
      assertThat(tracing.exportFailedSpans()).as("the export still hangs").isZero();
      assertDropsCounted(tracing);
      assertClosesWithoutWaitingForTheExport(tracing);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void failedExportsAreCountedAsExportFailures() throws Exception {
    LyssTracing tracing =
        LyssTracing.builder()
            .serviceName("collector-down")
            .endpoint("http://127.0.0.1:" + unusedPort() + "/v1/traces")
            .registerGlobal(false)
            .envLookup(name -> null)
            .scheduleDelay(Duration.ofMillis(20))
            .exportTimeout(Duration.ofSeconds(1))
            .closeTimeout(Duration.ofSeconds(2))
            .build();
    tracing.tracer().spanBuilder("lost").startSpan().end();
    Poll.until("export failure counted", () -> tracing.exportFailedSpans() == 1);
    tracing.close();
  }

  @Test
  void dropsAreExposedAsAPrometheusCounter() throws Exception {
    LyssTracing tracing = start("http://127.0.0.1:" + unusedPort() + "/v1/traces");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new TracingMetrics(tracing).bindTo(registry);
    produceSpans(tracing);
    Poll.until("drops", () -> tracing.droppedSpans() > 0);
    String scrape = registry.scrape();
    assertThat(scrape).containsPattern("(?m)^lyss_tracing_spans_dropped_total [1-9][0-9.E]*$");
    assertThat(scrape).contains("lyss_tracing_spans_export_failed_total");
    tracing.close();
  }
}
