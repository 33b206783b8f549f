package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import ai.lyss.testing.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
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

  @Test
  void dashboardQueriesReturnDataFromARealPrometheus(@TempDir Path dir) throws Exception {
    try (DemoProcess demo =
        DemoProcess.start(
            List.of("--traffic", "--traffic-rate", "25", "--provider-latency-ms", "20"),
            Map.of())) {
      Files.writeString(
          dir.resolve("prometheus.yml"),
          "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
              + "scrape_configs:\n  - job_name: lyss-demo-service\n"
              + "    static_configs:\n      - targets: ['127.0.0.1:"
              + demo.port()
              + "']\n");
      try (ServerProcess prometheus = ServerProcess.prometheus(dir)) {
        for (String query : DASHBOARD_QUERIES) {
          Poll.until(
              "Prometheus to return data for " + query,
              Duration.ofSeconds(120),
              () -> hasData(prometheus, query));
        }
        JsonNode up = query(prometheus, "up{job=\"lyss-demo-service\"}");
        assertThat(up.get(0).get("value").get(1).asString()).isEqualTo("1");
      }
    }
  }

  private static boolean hasData(ServerProcess prometheus, String query) {
    JsonNode result = query(prometheus, query);
    for (JsonNode series : result) {
      String value = series.get("value").get(1).asString();
      if (!value.equals("NaN")) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode query(ServerProcess prometheus, String query) {
    try {
      HttpResponse<String> response =
          prometheus.get("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
      }
      return ApiEndpointsIT.JSON.readTree(response.body()).get("data").get("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
