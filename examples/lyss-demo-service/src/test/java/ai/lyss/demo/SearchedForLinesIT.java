package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The demo writes the lines the original design's {@code security_events} and {@code
 * error_analysis} operators search for: a revoked key's SECURITY event and a provider failure's
 * WARNING.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchedForLinesIT {

  private static final String CHAT =
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  private DemoProcess demo;

  @BeforeAll
  void start() {
    demo =
        DemoProcess.start(
            List.of("--provider-latency-ms", "0", "--provider-failure-rate", "0"), Map.of());
  }

  @AfterAll
  void stop() {
    demo.close();
  }

  private List<JsonNode> lines(String field, String value) {
    return demo.stdout().stream()
        .map(ApiEndpointsIT.JSON::readTree)
        .filter(l -> l.has(field) && l.get(field).asString().equals(value))
        .toList();
  }

  private List<JsonNode> await(String field, String value) {
    Poll.until(
        "a log line with " + field + "=" + value,
        Duration.ofSeconds(30),
        () -> !lines(field, value).isEmpty());
    return lines(field, value);
  }

  @Test
  void revokedKeyIsRefusedWith401AndAHighSeveritySecurityEvent() {
    HttpResponse<String> response =
        demo.post(
            "/v1/chat/completions",
            CHAT,
            "X-Tenant-ID",
            "t-revoked",
            "Authorization",
            "Bearer revoked-k3y9");

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode event = await("event_type", "api_key.revoked").get(0);
    assertThat(event.get("level").asString()).isEqualTo("SECURITY");
    assertThat(event.get("severity").asString()).isEqualTo("high");
    assertThat(event.toString()).doesNotContain("k3y9");
  }

  @Test
  void providerFailureLogsAWarningWithProviderModelAndErrorType() {
    HttpResponse<String> response =
        demo.post(
            "/v1/chat/completions", CHAT, "X-Tenant-ID", "t-provider", "X-Demo-Fail", "provider");

    assertThat(response.statusCode()).isEqualTo(502);
    JsonNode line = await("message", "AI provider call failed").get(0);
    assertThat(line.get("level").asString()).isEqualTo("WARNING");
    assertThat(line.get("provider").asString()).isEqualTo("openai");
    assertThat(line.get("model").asString()).isEqualTo("gpt-4o");
    assertThat(line.get("error_type").asString()).isNotBlank();
    assertThat(line.get("tenant_id").asString()).isEqualTo("t-provider");
  }
}
