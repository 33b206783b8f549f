package ai.lyss.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.OtlpReceiver;
import ai.lyss.testing.Poll;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every Lyss signal of {@link ShopApplication} in a real servlet container, on the Boot line's
 * managed versions: Prometheus text on {@code /metrics}, JSON log lines on standard output, spans
 * exported over OTLP/HTTP to a real receiver, and the platform health endpoints.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.endpoint.health.group.readiness.show-components=always")
@ExtendWith(OutputCaptureExtension.class)
class LyssSignalsTest {

  private static final OtlpReceiver OTLP = ShopHttp.receiver();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void otlpEndpoint(DynamicPropertyRegistry registry) {
    registry.add("lyss.tracing.endpoint", OTLP::tracesUrl);
  }

  @AfterAll
  static void stopReceiver() {
    OTLP.close();
  }

  @Test
  void metricsEndpointServesPrometheusTextWithTheRouteTemplate() {
    assertThat(get("/items/1").statusCode()).isEqualTo(200);

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(metrics.body())
        .contains("http_requests_total{")
        .contains("endpoint=\"/items/{id}\"")
        .contains("http_request_duration_seconds_bucket{");
  }

  @Test
  void requestLogLineIsJsonOnStandardOutput(CapturedOutput output) {
    String requestId = "boot-line-json-1";
    assertThat(get("/items/2", "X-Request-ID", requestId).statusCode()).isEqualTo(200);

    String line =
        Poll.until(
            "the JSON 'Request completed' line",
            Poll.DEFAULT_TIMEOUT,
            () ->
                Arrays.stream(output.getOut().split("\\R"))
                    .filter(l -> l.contains("\"request_id\":\"" + requestId + "\""))
                    .filter(l -> l.contains("\"message\":\"Request completed\""))
                    .findFirst(),
            () -> tail(output.getOut()));

    assertThat(line)
        .startsWith("{\"timestamp\":\"")
        .contains("\"level\":\"INFO\"", "\"service\":\"shop\"", "\"status_code\":200")
        .contains("\"trace_id\":\"")
        .endsWith("}");
  }

  @Test
  void startupWritesOnlyJsonLinesAndNoWarning(CapturedOutput output) {
    // The application started in this JVM with the capture on (one JVM per test class).
    assertThat(output.getOut().lines().filter(line -> !line.isBlank()))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).startsWith("{\"timestamp\":"))
        .noneSatisfy(line -> assertThat(line).contains("\"level\":\"WARNING\""))
        .noneSatisfy(line -> assertThat(line).contains("\"level\":\"ERROR\""));
  }

  @Test
  void serverSpanIsExportedOverOtlp() {
    assertThat(get("/items/3").statusCode()).isEqualTo(200);

    Span span =
        Poll.until(
            "a SERVER span for GET /items/{id}",
            Poll.DEFAULT_TIMEOUT,
            () ->
                OTLP.spans().stream()
                    .filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                    .filter(s -> s.getName().equals("GET /items/{id}"))
                    .findFirst(),
            () -> OTLP.spans().stream().map(Span::getName).toList().toString());

    assertThat(span.getTraceId().size()).isEqualTo(16);
    assertThat(
            OTLP.resourceSpans().get(0).getResource().getAttributesList().stream()
                .filter(a -> a.getKey().equals("service.name"))
                .map(a -> a.getValue().getStringValue())
                .findFirst())
        .contains("shop");
  }

  @Test
  void databaseSpanIsExportedUnderTheServerSpan(CapturedOutput output) {
    HttpResponse<String> stock = get("/items/4/stock");
    assertThat(stock.statusCode()).isEqualTo(200);
    assertThat(stock.body()).isEqualTo("{\"stock\":40}");

    Span server =
        Poll.until(
            "a SERVER span for GET /items/{id}/stock",
            Poll.DEFAULT_TIMEOUT,
            () ->
                OTLP.spans().stream()
                    .filter(s -> s.getName().equals("GET /items/{id}/stock"))
                    .findFirst(),
            () -> OTLP.spans().stream().map(Span::getName).toList().toString());
    Span database =
        Poll.until(
            "a CLIENT span of the statement in that trace",
            Poll.DEFAULT_TIMEOUT,
            () ->
                OTLP.spans().stream()
                    .filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_CLIENT)
                    .filter(s -> s.getTraceId().equals(server.getTraceId()))
                    .findFirst(),
            () ->
                OTLP.spans().stream()
                    .map(s -> s.getKind() + " " + s.getName())
                    .toList()
                    .toString());

    assertThat(database.getAttributesList())
        .anySatisfy(
            a -> {
              assertThat(a.getKey()).isEqualTo("db.statement");
              assertThat(a.getValue().getStringValue()).isEqualTo("SELECT ? * ?");
            });
    // Boot's OpenTelemetry (1.49 / 1.55) is older than the JDBC instrumentation needs: the spans
    // are Lyss's own, and one INFO line says so.
    assertThat(output.getOut()).contains("database spans come from Lyss's own statement spans");
  }

  @Test
  void livenessEndpointAnswers200() {
    HttpResponse<String> live = get("/health/live");

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("\"overall_status\":\"healthy\"");
  }

  @Test
  void readinessEndpointAnswers200() {
    HttpResponse<String> ready = get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"overall_status\":\"healthy\"");
  }

  @Test
  void actuatorReadinessGroupHoldsTheLyssChecks() {
    HttpResponse<String> ready = get("/actuator/health/readiness");

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"lyssReadiness\":{\"status\":\"UP\"");
  }

  private HttpResponse<String> get(String path, String... headers) {
    return ShopHttp.get(port, path, headers);
  }

  private static String tail(String out) {
    return out.length() <= 2000 ? out : out.substring(out.length() - 2000);
  }
}
