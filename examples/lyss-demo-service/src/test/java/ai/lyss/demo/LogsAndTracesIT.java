package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The JSON log lines on the process's stdout carry request_id, tenant_id and trace_id, consistent
 * with the {@code X-Request-ID} header and with the spans in {@code /debug/traces}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogsAndTracesIT {

  private static final String CHAT =
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Trace me\"}]}";

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

  private List<JsonNode> logLines() {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : demo.stdout()) {
      lines.add(ApiEndpointsIT.JSON.readTree(line));
    }
    return lines;
  }

  private List<JsonNode> linesWith(String field, String value) {
    return logLines().stream()
        .filter(l -> l.has(field) && l.get(field).asString().equals(value))
        .toList();
  }

  private List<JsonNode> awaitLines(String field, String value, int count) {
    Poll.until(
        count + " log lines with " + field + "=" + value,
        Duration.ofSeconds(30),
        () -> linesWith(field, value).size() >= count);
    return linesWith(field, value);
  }

  /** The lines with field=value, once one of them satisfies {@code awaited}. */
  private List<JsonNode> awaitLine(
      String field, String value, String what, Predicate<JsonNode> awaited) {
    Poll.until(
        what + " among the log lines with " + field + "=" + value,
        Duration.ofSeconds(30),
        () -> linesWith(field, value).stream().anyMatch(awaited));
    return linesWith(field, value);
  }

  /** The spans of the trace, once every one of {@code names} is among them. */
  private JsonNode awaitSpans(String traceId, String... names) {
    Poll.until(
        "spans " + List.of(names) + " of trace " + traceId + " in /debug/traces",
        Duration.ofSeconds(30),
        () -> spanNames(traces(traceId)).containsAll(List.of(names)));
    return traces(traceId);
  }

  private JsonNode traces(String traceId) {
    return ApiEndpointsIT.json(demo.get("/debug/traces?trace_id=" + traceId)).get("spans");
  }

  private static List<String> spanNames(JsonNode spans) {
    List<String> names = new ArrayList<>();
    spans.forEach(s -> names.add(s.get("name").asString()));
    return names;
  }

  private static Predicate<JsonNode> message(String message) {
    return l -> l.get("message").asString().equals(message);
  }

  private static Predicate<JsonNode> level(String level) {
    return l -> l.get("level").asString().equals(level);
  }

  @Test
  void everyStdoutLineIsOneJsonObjectWithTheSchemaFields() {
    demo.post("/v1/chat/completions", CHAT, "X-Tenant-ID", "t-schema");
    awaitLines("tenant_id", "t-schema", 2);

    assertThat(logLines())
        .isNotEmpty()
        .allSatisfy(
            line -> {
              assertThat(line.isObject()).isTrue();
              assertThat(line.get("timestamp").asString()).endsWith("Z");
              assertThat(line.get("level").asString())
                  .isIn("DEBUG", "INFO", "WARNING", "ERROR", "AUDIT", "SECURITY");
              assertThat(line.get("service").asString()).isEqualTo("lyss-demo-service");
              assertThat(line.has("message")).isTrue();
            });
  }

  @Test
  void requestLinesCarryTheCallersRequestIdTenantAndTraceId() {
    HttpResponse<String> response =
        demo.post(
            "/v1/chat/completions", CHAT, "X-Tenant-ID", "t-logs", "X-Request-ID", "it-req-0001");
    assertThat(response.headers().firstValue("X-Request-ID")).hasValue("it-req-0001");

    List<JsonNode> lines =
        awaitLine("request_id", "it-req-0001", "Request completed", message("Request completed"));

    assertThat(lines)
        .extracting(l -> l.get("message").asString())
        .contains("Request started", "Request completed");
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.get("tenant_id").asString()).isEqualTo("t-logs"));
    assertThat(lines.stream().map(l -> l.get("trace_id").asString()).distinct())
        .singleElement()
        .asString()
        .matches("[0-9a-f]{32}");
  }

  @Test
  void theLoggedTraceIdFindsTheServerEndpointAndModelSpans() {
    demo.post(
        "/v1/chat/completions", CHAT, "X-Tenant-ID", "t-trace", "X-Request-ID", "it-req-0002");
    String traceId = awaitLines("request_id", "it-req-0002", 1).get(0).get("trace_id").asString();

    // Spans end in the filter, possibly after the client has the response: wait for them.
    JsonNode spans =
        awaitSpans(traceId, "POST /v1/chat/completions", "chat.completions", "chat gpt-4o");

    spans.forEach(s -> assertThat(s.get("trace_id").asString()).isEqualTo(traceId));
    JsonNode model = find(spans, "chat gpt-4o");
    assertThat(model.get("kind").asString()).isEqualTo("CLIENT");
    JsonNode attributes = model.get("attributes");
    assertThat(attributes.get("gen_ai.provider.name").asString()).isEqualTo("openai");
    assertThat(attributes.get("gen_ai.request.model").asString()).isEqualTo("gpt-4o");
    assertThat(attributes.get("gen_ai.usage.input_tokens").longValue()).isPositive();
    assertThat(
            find(spans, "POST /v1/chat/completions").get("attributes").get("http.route").asString())
        .isEqualTo("/v1/chat/completions");
  }

  @Test
  void aProviderFailureMarksTheModelSpanAsAnError() {
    demo.post(
        "/v1/chat/completions",
        CHAT,
        "X-Tenant-ID",
        "t-fail",
        "X-Request-ID",
        "it-req-0003",
        "X-Demo-Fail",
        "provider");
    String traceId = awaitLines("request_id", "it-req-0003", 1).get(0).get("trace_id").asString();

    JsonNode spans = awaitSpans(traceId, "chat gpt-4o");

    JsonNode model = find(spans, "chat gpt-4o");
    assertThat(model.get("status").asString()).isEqualTo("ERROR");
    assertThat(model.get("attributes").get("error.type").asString()).isEqualTo("unavailable");
  }

  @Test
  void aServerFailureIsOneErrorLineWithTheStackTraceInsideAndTheTraceId() {
    demo.post(
        "/v1/conversations",
        "{}",
        "X-Tenant-ID",
        "t-500",
        "X-Request-ID",
        "it-req-0004",
        "X-Demo-Fail",
        "server");

    JsonNode error =
        awaitLine("request_id", "it-req-0004", "an ERROR line", level("ERROR")).stream()
            .filter(level("ERROR"))
            .findFirst()
            .orElseThrow();

    assertThat(error.get("error").get("type").asString()).contains("IllegalStateException");
    assertThat(error.get("error").get("stack_trace").asString()).contains("ConversationGateway");
    assertThat(error.get("trace_id").asString()).matches("[0-9a-f]{32}");
  }

  @Test
  void loginAndLogoutWriteAuditEvents() {
    String id =
        ApiEndpointsIT.json(
                demo.post("/v1/sessions", "{\"user_id\":\"carol\"}", "X-Tenant-ID", "t-audit"))
            .get("id")
            .asString();
    demo.delete("/v1/sessions/" + id, "X-Tenant-ID", "t-audit");

    awaitLine(
        "tenant_id", "t-audit", "the logout audit event", message("Audit event: session.logout"));
    List<JsonNode> audits =
        linesWith("tenant_id", "t-audit").stream().filter(level("AUDIT")).toList();

    assertThat(audits)
        .extracting(l -> l.get("event_type").asString())
        .containsExactly("session.login", "session.logout");
    assertThat(audits).allSatisfy(l -> assertThat(l.get("user_id").asString()).isEqualTo("carol"));
    assertThat(audits.get(0).get("message").asString()).isEqualTo("Audit event: session.login");
  }

  @Test
  void exhaustedQuotaWritesASecurityEvent() {
    for (int i = 0; i < 31; i++) {
      demo.post("/v1/chat/completions", CHAT, "X-Tenant-ID", "t-greedy");
    }

    JsonNode security = awaitLines("event_type", "quota.exceeded", 1).get(0);

    assertThat(security.get("level").asString()).isEqualTo("SECURITY");
    assertThat(security.get("severity").asString()).isEqualTo("low");
    assertThat(security.get("tenant_id").asString()).isEqualTo("t-greedy");
  }

  @Test
  void debugTracesRejectsAMalformedTraceId() {
    assertThat(demo.get("/debug/traces?trace_id=xyz").statusCode()).isEqualTo(400);
  }

  private static JsonNode find(JsonNode spans, String name) {
    for (JsonNode span : spans) {
      if (span.get("name").asString().equals(name)) {
        return span;
      }
    }
    throw new AssertionError("no span " + name + " in " + spans);
  }
}
