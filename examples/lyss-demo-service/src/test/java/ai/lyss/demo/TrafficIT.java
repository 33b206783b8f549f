package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code --traffic} mixes tenants, models, endpoints and failures, so every panel moves. */
class TrafficIT {

  private static Set<String> labelValues(PromText metrics, String name, String label) {
    Set<String> values = new TreeSet<>();
    metrics.find(name, Map.of()).stream()
        .filter(s -> s.value() > 0)
        .forEach(s -> values.add(s.labels().get(label)));
    return values;
  }

  @Test
  void generatedTrafficCoversTenantsModelsStatusesAndBusinessMetrics() {
    try (DemoProcess demo =
        DemoProcess.start(
            List.of("--traffic", "--traffic-rate", "25", "--provider-latency-ms", "20"),
            Map.of())) {
      Poll.until(
          "traffic to produce every status, tenant and model",
          Duration.ofSeconds(150),
          () -> {
            PromText metrics = PromText.parse(demo.get("/metrics").body());
            return labelValues(metrics, "http_requests_total", "status")
                    .containsAll(Set.of("200", "201", "204", "400", "404", "429", "500", "502"))
                && labelValues(metrics, "http_requests_total", "tenant_id")
                    .containsAll(Set.of("acme", "globex", "initech", "umbrella"))
                && labelValues(metrics, "ai_model_requests_total", "model").size() == 4
                && !labelValues(metrics, "messages_sent_total", "message_type").isEmpty()
                && !labelValues(metrics, "revenue_generated_total", "plan_type").isEmpty();
          });

      PromText metrics = PromText.parse(demo.get("/metrics").body());
      assertThat(labelValues(metrics, "ai_model_requests_total", "status"))
          .contains("success", "error");
      assertThat(labelValues(metrics, "http_requests_total", "endpoint"))
          .contains(
              "/v1/chat/completions",
              "/v1/conversations",
              "/v1/conversations/{id}/messages",
              "/v1/sessions");
      demo.awaitStdout(
          "an AUDIT line on stdout",
          out -> out.stream().anyMatch(l -> l.contains("\"level\":\"AUDIT\"")));
    }
  }
}
