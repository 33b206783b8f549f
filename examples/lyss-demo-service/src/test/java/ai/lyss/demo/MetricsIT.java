package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.lyss.testing.Poll;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * {@code /metrics} after a known sequence of requests: the catalog metrics carry the right labels
 * and exact counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT {

  private static final String T = "t-metrics";
  private static final String CHAT =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Count my tokens\"}]}";

  private DemoProcess demo;
  private PromText metrics;
  private long inputTokens;
  private long outputTokens;

  @BeforeAll
  void runKnownSequence() {
    demo =
        DemoProcess.start(
            List.of(
                "--seed",
                "11",
                "--provider-latency-ms",
                "0",
                "--provider-failure-rate",
                "0",
                "--quota",
                "3"),
            Map.of());
    for (int i = 0; i < 2; i++) {
      JsonNode usage = ok(chat()).get("usage");
      inputTokens += usage.get("prompt_tokens").longValue();
      outputTokens += usage.get("completion_tokens").longValue();
    }
    expect(502, chat("X-Demo-Fail", "provider"));
    expect(500, chat("X-Demo-Fail", "server"));
    expect(429, chat());
    expect(
        404,
        demo.post(
            "/v1/chat/completions",
            "{\"model\":\"gpt-0\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            headers()));
    String conversation =
        ok(expect(201, demo.post("/v1/conversations", "{}", headers()))).get("id").stringValue();
    expect(
        201,
        demo.post(
            "/v1/conversations/" + conversation + "/messages", "{\"content\":\"hi\"}", headers()));
    expect(
        201,
        demo.post(
            "/v1/conversations/" + conversation + "/messages",
            "{\"type\":\"image\",\"content\":\"cat.png\"}",
            headers()));
    expect(200, demo.get("/v1/conversations/" + conversation, headers()));
    String session =
        ok(expect(201, demo.post("/v1/sessions", "{\"user_id\":\"ann\"}", headers())))
            .get("id")
            .stringValue();
    expect(201, demo.post("/v1/sessions", "{\"user_id\":\"bob\"}", headers()));
    expect(204, demo.delete("/v1/sessions/" + session, headers()));
    expect(404, demo.get("/no/such/page/" + System.nanoTime()));
    // The filter records a request after its handler returned, which can be after the client has
    // the response: wait until all 14 requests are in the scrape, then read that scrape.
    Poll.until(
        "the 13 requests of " + T + " and the unmatched one in /metrics",
        Duration.ofSeconds(30),
        () -> {
          metrics = scrape();
          return total(metrics, Map.of("tenant_id", T)) == 13
              && total(metrics, Map.of("endpoint", "__not_found__")) == 1;
        });
  }

  private PromText scrape() {
    HttpResponse<String> scrape = demo.get("/metrics");
    assertThat(scrape.statusCode()).isEqualTo(200);
    return PromText.parse(scrape.body());
  }

  private static double total(PromText metrics, Map<String, String> labels) {
    return metrics.find("http_requests_total", labels).stream()
        .mapToDouble(PromText.Sample::value)
        .sum();
  }

  @AfterAll
  void stop() {
    demo.close();
  }

  private static String[] headers(String... extra) {
    String[] all = new String[4 + extra.length];
    all[0] = "X-Tenant-ID";
    all[1] = T;
    all[2] = "X-Plan-Type";
    all[3] = "pro";
    System.arraycopy(extra, 0, all, 4, extra.length);
    return all;
  }

  private HttpResponse<String> chat(String... extra) {
    return demo.post("/v1/chat/completions", CHAT, headers(extra));
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).isBetween(200, 201);
    return ApiEndpointsIT.json(response);
  }

  private double value(String name, Map<String, String> labels) {
    return metrics
        .value(name, labels)
        .orElseThrow(() -> new AssertionError("no " + name + " with " + labels));
  }

  private double requests(String method, String endpoint, String status) {
    return value(
        "http_requests_total",
        Map.of("method", method, "endpoint", endpoint, "status", status, "tenant_id", T));
  }

  @Test
  void chatCompletionRequestsAreCountedByHttpStatus() {
    assertThat(requests("POST", "/v1/chat/completions", "200")).isEqualTo(2);
    assertThat(requests("POST", "/v1/chat/completions", "502")).isEqualTo(1);
    assertThat(requests("POST", "/v1/chat/completions", "500")).isEqualTo(1);
    assertThat(requests("POST", "/v1/chat/completions", "429")).isEqualTo(1);
    assertThat(requests("POST", "/v1/chat/completions", "404")).isEqualTo(1);
  }

  @Test
  void otherEndpointsAreCountedUnderTheirRouteTemplates() {
    assertThat(requests("POST", "/v1/conversations", "201")).isEqualTo(1);
    assertThat(requests("POST", "/v1/conversations/{id}/messages", "201")).isEqualTo(2);
    assertThat(requests("GET", "/v1/conversations/{id}", "200")).isEqualTo(1);
    assertThat(requests("POST", "/v1/sessions", "201")).isEqualTo(2);
    assertThat(requests("DELETE", "/v1/sessions/{id}", "204")).isEqualTo(1);
  }

  @Test
  void rawPathsNeverBecomeEndpointLabels() {
    assertThat(metrics.find("http_requests_total", Map.of()))
        .allSatisfy(s -> assertThat(s.labels().get("endpoint")).doesNotContain("conv_", "sess_"))
        .noneSatisfy(s -> assertThat(s.labels().get("endpoint")).startsWith("/no/such"));
  }

  @Test
  void unmatchedPathsShareOneEndpointLabel() {
    assertThat(
            value(
                "http_requests_total",
                Map.of("endpoint", "__not_found__", "status", "404", "tenant_id", "unknown")))
        .isEqualTo(1);
  }

  @Test
  void requestDurationHistogramCountsEveryChatRequest() {
    assertThat(
            value(
                "http_request_duration_seconds_count",
                Map.of("method", "POST", "endpoint", "/v1/chat/completions", "tenant_id", T)))
        .isEqualTo(6);
    assertThat(
            metrics.find(
                "http_request_duration_seconds_bucket",
                Map.of("endpoint", "/v1/chat/completions", "tenant_id", T)))
        .extracting(s -> s.labels().get("le"))
        .contains("0.005", "0.2", "0.5", "10.0", "+Inf");
  }

  @Test
  void modelCallsAreCountedBySuccessAndError() {
    Map<String, String> labels =
        Map.of("provider", "openai", "model", "gpt-4o-mini", "tenant_id", T);
    assertThat(value("ai_model_requests_total", with(labels, "status", "success"))).isEqualTo(2);
    assertThat(value("ai_model_requests_total", with(labels, "status", "error"))).isEqualTo(1);
    assertThat(value("ai_model_latency_seconds_count", labels)).isEqualTo(3);
  }

  @Test
  void tokensMatchTheUsageReturnedToTheClient() {
    Map<String, String> labels =
        Map.of("provider", "openai", "model", "gpt-4o-mini", "tenant_id", T);
    assertThat(value("ai_tokens_consumed_total", with(labels, "token_type", "input")))
        .isEqualTo(inputTokens);
    assertThat(value("ai_tokens_consumed_total", with(labels, "token_type", "output")))
        .isEqualTo(outputTokens);
    assertThat(metrics.find("ai_tokens_consumed_total", with(labels, "token_type", "total")))
        .isEmpty();
  }

  @Test
  void businessMetricsFollowTheRequests() {
    assertThat(value("active_user_sessions", Map.of("tenant_id", T))).isEqualTo(1);
    assertThat(value("conversations_created_total", Map.of("tenant_id", T))).isEqualTo(1);
    assertThat(value("messages_sent_total", Map.of("tenant_id", T, "message_type", "text")))
        .isEqualTo(1);
    assertThat(value("messages_sent_total", Map.of("tenant_id", T, "message_type", "image")))
        .isEqualTo(1);
  }

  @Test
  void revenueIsTokensTimesTheModelPrice() {
    double expected = (inputTokens + outputTokens) * 0.0006 / 1000;

    assertThat(value("revenue_generated_total", Map.of("tenant_id", T, "plan_type", "pro")))
        .isCloseTo(expected, within(1e-9));
  }

  @Test
  void jvmAndSelfMetricsArePublished() {
    assertThat(metrics.find("jvm_memory_used_bytes", Map.of("area", "heap"))).isNotEmpty();
    assertThat(metrics.find("lyss_metrics_cardinality_overflow_total", Map.of())).isNotEmpty();
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> copy = new HashMap<>(labels);
    copy.put(key, value);
    return copy;
  }
}
