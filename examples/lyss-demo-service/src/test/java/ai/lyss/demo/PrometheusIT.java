package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.RequiredTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus scrapes the demo while {@code --traffic} runs, and the original design's
 * dashboard and alert queries return data through the Prometheus HTTP API.
 */
class PrometheusIT {

  /** The Grafana panel queries of the original design (section 6.1), verbatim. */
  static final List<String> DASHBOARD_QUERIES =
      List.of(
          "sum(rate(http_requests_total[5m]))",
          "histogram_quantile(0.50, rate(http_request_duration_seconds_bucket[5m]))",
          "histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m]))",
          "histogram_quantile(0.99, rate(http_request_duration_seconds_bucket[5m]))",
          "sum(rate(http_requests_total{status=~\"5..\"}[5m])) by (endpoint)"
              + " / sum(rate(http_requests_total[5m])) by (endpoint)",
          "sum(active_user_sessions) by (tenant_id)",
          "sum(rate(ai_model_requests_total[5m])) by (provider, model)",
          "sum(rate(ai_tokens_consumed_total[5m])) by (provider)",
          // alert expressions of the original design that the demo's traffic makes true
          "rate(ai_model_requests_total{status=\"error\"}[5m]) > 0",
          "rate(http_requests_total{status=\"429\"}[5m]) > 0");

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void dashboardQueriesReturnDataFromARealPrometheus(@TempDir Path dir) throws Exception {
    Path prometheusBinary = RequiredTools.binary("prometheus", "prometheus");
    try (DemoProcess demo =
        DemoProcess.start(
            List.of("--traffic", "--traffic-rate", "25", "--provider-latency-ms", "20"),
            Map.of())) {
      int port = freePort();
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(
          config,
          "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
              + "scrape_configs:\n  - job_name: lyss-demo-service\n"
              + "    static_configs:\n      - targets: ['127.0.0.1:"
              + demo.port()
              + "']\n");
      Process prometheus =
          new ProcessBuilder(
                  prometheusBinary.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("prometheus.log").toFile())
              .start();
      try {
        URI base = URI.create("http://127.0.0.1:" + port);
        for (String query : DASHBOARD_QUERIES) {
          Poll.until(
              "Prometheus to return data for " + query,
              Duration.ofSeconds(120),
              () -> hasData(base, query));
        }
        JsonNode up = query(base, "up{job=\"lyss-demo-service\"}");
        assertThat(up.get(0).get("value").get(1).asString()).isEqualTo("1");
      } finally {
        prometheus.destroy();
        prometheus.waitFor();
      }
    }
  }

  private boolean hasData(URI base, String query) {
    try {
      JsonNode result = query(base, query);
      for (JsonNode series : result) {
        String value = series.get("value").get(1).asString();
        if (!value.equals("NaN")) {
          return true;
        }
      }
      return false;
    } catch (UncheckedIOException e) {
      return false; // Prometheus still starting
    }
  }

  private JsonNode query(URI base, String query) {
    URI uri =
        base.resolve("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new UncheckedIOException(new IOException("HTTP " + response.statusCode()));
      }
      JsonNode body = ApiEndpointsIT.JSON.readTree(response.body());
      return body.get("data").get("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
