package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.LyssHeaders;
import ai.lyss.logging.LyssMarkers;
import ai.lyss.metrics.HttpMetrics;
import ai.lyss.spring.boot.testapp.TestApplication;
import ai.lyss.testing.Poll;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The starter with every Lyss module, in a real servlet container on a random port. */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=starter-test",
      "lyss.tracing.otlp-export=false",
      "lyss.tracing.register-global=true",
      "management.endpoints.web.exposure.include=health,prometheus",
      "management.endpoint.health.show-details=always",
      "management.endpoint.health.probes.enabled=true",
      "logging.level.audit-quiet=ERROR",
      "lyss.health.checks.broken.type=tcp",
      "lyss.health.checks.broken.host=127.0.0.1",
      "lyss.health.checks.broken.timeout=2s"
    })
@ExtendWith(OutputCaptureExtension.class)
class StarterWebIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void closedPort(DynamicPropertyRegistry registry) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    registry.add("lyss.health.checks.broken.port", () -> port);
  }

  @LocalServerPort int port;

  @Autowired TestApplication.ConversationService service;

  @Autowired RestClient.Builder restClientBuilder;

  @Test
  void httpMetricsCarryTheSpringMvcRouteTemplate() {
    assertThat(Http.get(port, "/v1/conversations/c-42", "X-Tenant-ID", "acme").statusCode())
        .isEqualTo(200);

    // Wait for this request's own series: other tests' requests share the endpoint.
    assertThat(metricLine("http_requests_total{", "tenant_id=\"acme\""))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .contains(
                        "endpoint=\"/v1/conversations/{id}\"", "method=\"GET\"", "status=\"200\""));
    assertThat(scrape()).doesNotContain("endpoint=\"/v1/conversations/c-42\"");
  }

  @Test
  void annotatedControllerRequestIsCountedOnce() {
    Http.get(port, "/v1/conversations/c-5", "X-Tenant-ID", "once");

    assertThat(metricLine("http_requests_total{", "tenant_id=\"once\""))
        .hasValueSatisfying(line -> assertThat(line).endsWith(" 1.0"));
  }

  @Test
  void unmatchedPathsAreGroupedNotLabelledWithTheCatchAllPattern() {
    assertThat(Http.get(port, "/no-such-route/12345", "X-Tenant-ID", "lost").statusCode())
        .isEqualTo(404);

    assertThat(metricLine("http_requests_total{", "tenant_id=\"lost\""))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .contains("endpoint=\"" + HttpMetrics.UNMATCHED_NOT_FOUND + "\"")
                    .contains("status=\"404\""));
  }

  @Test
  void requestsAreTimedOnceByLyssNotAlsoByBootsObservation() {
    Http.get(port, "/v1/conversations/c-once");

    Poll.until(
        "the Lyss histogram on /actuator/prometheus",
        Duration.ofSeconds(10),
        () ->
            Http.get(port, "/actuator/prometheus")
                .body()
                .contains("http_request_duration_seconds_count{"));
    assertThat(Http.get(port, "/actuator/prometheus").body())
        .doesNotContain("http_server_requests");
  }

  @Test
  void actuatorPrometheusEndpointServesTheCatalogToo() {
    Http.get(port, "/v1/conversations/c-1");

    assertThat(Http.get(port, "/actuator/prometheus").statusCode()).isEqualTo(200);
    Poll.until(
        "the route template on /actuator/prometheus",
        Duration.ofSeconds(10),
        () ->
            Http.get(port, "/actuator/prometheus")
                .body()
                .contains("endpoint=\"/v1/conversations/{id}\""));
  }

  @Test
  void monitorApiIsActiveThroughSpringAop() {
    service.summarise();

    assertThat(metricLine("http_requests_total{", "endpoint=\"summarise\""))
        .hasValueSatisfying(line -> assertThat(line).contains("method=\"POST\""));
  }

  @Test
  void tracedMethodRunsInASpanUnderTheServerSpan() {
    TestApplication.SPANS.reset();
    Http.get(port, "/v1/conversations/c-7");

    // The SERVER span ends in the filter, possibly after the client has the response.
    Poll.until(
        "the conversation.load and SERVER spans",
        Duration.ofSeconds(10),
        () -> span("conversation.load") != null && span("GET /v1/conversations/{id}") != null);
    SpanData traced = span("conversation.load");
    SpanData server = span("GET /v1/conversations/{id}");
    assertThat(server).isNotNull();
    assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(traced.getParentSpanId()).isEqualTo(server.getSpanId());
  }

  @Test
  void restClientCallsCarryTheTraceContext() {
    TestApplication.SPANS.reset();
    RestClient client = restClientBuilder.baseUrl("http://127.0.0.1:" + port).build();

    Map<?, ?> body = client.get().uri("/v1/echo-traceparent").retrieve().body(Map.class);

    assertThat(body).isNotNull();
    String traceparent = String.valueOf(body.get("traceparent"));
    Poll.until("a CLIENT span", Duration.ofSeconds(10), () -> clientSpan() != null);
    SpanData client1 = clientSpan();
    assertThat(traceparent)
        .startsWith("00-" + client1.getTraceId() + "-" + client1.getSpanId() + "-");
  }

  @Test
  void requestIdIsEchoedWhenValidAndGeneratedOtherwise() {
    HttpResponse<String> given =
        Http.get(port, "/v1/conversations/1", LyssHeaders.REQUEST_ID, "req-abc-123");
    HttpResponse<String> generated = Http.get(port, "/v1/conversations/2");

    assertThat(given.headers().firstValue(LyssHeaders.REQUEST_ID)).contains("req-abc-123");
    assertThat(generated.headers().firstValue(LyssHeaders.REQUEST_ID))
        .hasValueSatisfying(id -> assertThat(id).isNotBlank());
  }

  @Test
  void logLinesAreLyssJsonWithTheRequestId(CapturedOutput output) {
    Http.get(port, "/v1/conversations/9", LyssHeaders.REQUEST_ID, "req-json-1");

    Poll.until(
        "the 'Request completed' line of req-json-1",
        Duration.ofSeconds(10),
        () -> completedLine(output.getOut()).isPresent());
    JsonNode line = JSON.readTree(completedLine(output.getOut()).orElseThrow());
    assertThat(line.path("service").asString()).isEqualTo("starter-test");
    assertThat(line.path("level").asString()).isEqualTo("INFO");
    assertThat(line.path("request_id").asString()).isEqualTo("req-json-1");
    assertThat(line.path("status_code").asInt()).isEqualTo(200);
    assertThat(line.has("trace_id")).isTrue();
  }

  @Test
  void everyLogLineOfTheRequestIsJson(CapturedOutput output) {
    Http.get(port, "/v1/conversations/11", LyssHeaders.REQUEST_ID, "req-json-2");

    Poll.until(
        "a line of request req-json-2",
        Duration.ofSeconds(10),
        () -> output.getOut().contains("\"request_id\":\"req-json-2\""));
    assertThat(output.getOut().lines().filter(l -> !l.isBlank()))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(JSON.readTree(line).has("timestamp")).isTrue());
  }

  @Test
  void auditMarkedEventsAreWrittenEvenWhenTheLoggerLevelIsHigher(CapturedOutput output) {
    Logger quiet = LoggerFactory.getLogger("audit-quiet");
    quiet.info(LyssMarkers.AUDIT, "audit through plain SLF4J");
    quiet.info("an info line below the logger's level");

    Poll.until(
        "the AUDIT line",
        Duration.ofSeconds(10),
        () -> output.getOut().contains("\"audit through plain SLF4J\""));
    assertThat(output.getOut()).doesNotContain("an info line below the logger's level");
  }

  @Test
  void healthEndpointsServeThePlatformJson() {
    HttpResponse<String> live = Http.get(port, "/health/live");
    HttpResponse<String> ready = Http.get(port, "/health/ready");

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("\"overall_status\":\"healthy\"", "\"service\":\"self\"");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"service\":\"broken\"", "\"status\":\"unhealthy\"");
    assertThat(ready.headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void actuatorHealthGroupsIncludeTheLyssChecks() {
    HttpResponse<String> liveness = Http.get(port, "/actuator/health/liveness");
    HttpResponse<String> readiness = Http.get(port, "/actuator/health/readiness");

    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).contains("livenessState", "lyssLiveness", "\"status\":\"UP\"");
    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body())
        .contains("readinessState", "lyssReadiness", "broken", "\"status\":\"DOWN\"");
  }

  /**
   * The first exposition line with the prefix and label, waiting for it: the filter records after
   * the handler returned, which can be after the client already has the response.
   */
  private Optional<String> metricLine(String prefix, String label) {
    return Optional.of(
        Poll.until(
            "a " + prefix + " line with " + label,
            Duration.ofSeconds(10),
            () -> findLine(prefix, label),
            this::scrape));
  }

  private Optional<String> findLine(String prefix, String label) {
    return scrape().lines().filter(l -> l.startsWith(prefix) && l.contains(label)).findFirst();
  }

  private String scrape() {
    HttpResponse<String> response = Http.get(port, "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static Optional<String> completedLine(String out) {
    return out.lines()
        .filter(l -> l.startsWith("{") && l.contains("\"Request completed\""))
        .filter(l -> l.contains("req-json-1"))
        .findFirst();
  }

  private static SpanData span(String name) {
    List<SpanData> spans = TestApplication.SPANS.getFinishedSpanItems();
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElse(null);
  }

  private static SpanData clientSpan() {
    return TestApplication.SPANS.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.CLIENT)
        .findFirst()
        .orElse(null);
  }
}
