package ai.lyss.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo as it runs: a real Tomcat on a random port, real HTTP requests, the JSON log output, the
 * Prometheus exposition, and spans exported over OTLP/HTTP and decoded from protobuf. One request
 * thread, so a request that leaked MDC entries would show them to the next one. Shared by the Boot
 * 4.0 and Boot 3.5 builds: only types both lines have (log lines are read with Boot's own {@code
 * JsonParser}, whichever Jackson the line brings).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lyss.tracing.register-global=false", "server.tomcat.threads.max=1"})
@ExtendWith(OutputCaptureExtension.class)
class SpringDemoApplicationTest {

  private static final JsonParser JSON = JsonParserFactory.getJsonParser();
  private static final OtlpTraces TRACES = new OtlpTraces();
  private static final String MDC_AT_ENTRY = "X-Mdc-At-Entry";

  @DynamicPropertySource
  static void traceBackend(DynamicPropertyRegistry registry) {
    registry.add("lyss.tracing.endpoint", TRACES::tracesUrl);
  }

  @AfterAll
  static void closeBackend() {
    TRACES.close();
  }

  /** Reports, on every response, what the MDC held when the request reached the container. */
  @TestConfiguration
  static class MdcProbe {
    @Bean
    FilterRegistrationBean<Filter> mdcAtEntry() {
      Filter probe =
          (request, response, chain) -> {
            Map<String, String> context = MDC.getCopyOfContextMap();
            ((HttpServletResponse) response)
                .setHeader(
                    MDC_AT_ENTRY, context == null || context.isEmpty() ? "none" : "" + context);
            chain.doFilter(request, response);
          };
      FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(probe);
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }

  @LocalServerPort int port;

  @Autowired MeterRegistry meterRegistry;

  private DemoClient demo;

  @BeforeEach
  void client() {
    demo = new DemoClient(port);
  }

  @Test
  void startsWithoutAnyWarningOrError(CapturedOutput output) {
    List<String> startup = startupLines(output);

    assertThat(startup).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{"));
    assertThat(startup)
        .extracting(line -> text(JSON.parseMap(line), "level"))
        .doesNotContain("WARNING", "ERROR");
  }

  @Test
  void serviceNameAndVersionComeFromBuildInfoInLogsAndSpans(CapturedOutput output) {
    assertThat(startupLines(output))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("Service name 'lyss-spring-demo' from build-info build.name"));
    Map<String, Object> started = JSON.parseMap(startupLines(output).get(0));
    assertThat(text(started, "service")).isEqualTo("lyss-spring-demo");
    assertThat(text(started, "version")).isEqualTo("0.1.0-SNAPSHOT");

    demo.get("/v1/conversations/probe");
    Poll.until("an export", () -> !TRACES.spans().isEmpty());
    assertThat(TRACES.resourceAttribute("service.name")).isEqualTo("lyss-spring-demo");
    assertThat(TRACES.resourceAttribute("service.version")).isEqualTo("0.1.0-SNAPSHOT");
  }

  @Test
  void chatCompletionIsCountedWithItsRouteAndTokens() {
    HttpResponse<String> chat =
        demo.postJson(
            "/v1/chat/completions",
            "{\"model\":\"gpt-demo\",\"messages\":[{\"role\":\"user\"}]}",
            "X-Tenant-ID",
            "acme");

    assertThat(chat.statusCode()).isEqualTo(200);
    assertThat(chat.body()).contains("\"total_tokens\":15");
    assertThat(demo.awaitScrape("/metrics", "endpoint=\"/v1/chat/completions\""))
        .contains("ai_tokens_consumed_total{")
        .contains("model=\"gpt-demo\"");
  }

  @Test
  void requestsAreTimedOnceByLyssNotAlsoByBoot() {
    demo.get("/v1/conversations/missing-1", "X-Tenant-ID", "once");

    // Lyss recorded the request: Boot's observation, had it run, would have stopped by now.
    demo.awaitScrape("/metrics", "tenant_id=\"once\"");

    // Boot's own registry, whatever its export (a @SpringBootTest on Boot 3.5 turns export off).
    assertThat(meterRegistry.find("http.server.requests").meters()).isEmpty();
  }

  @Test
  void storedConversationsAreDatabaseSpansUnderTheServerSpan() {
    HttpResponse<String> created =
        demo.postJson("/v1/conversations", "{\"title\":\"hello\"}", "X-Tenant-ID", "jpa");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = text(JSON.parseMap(created.body()), "id");

    assertThat(demo.get("/v1/conversations/" + id, "X-Tenant-ID", "jpa").statusCode())
        .isEqualTo(200);

    Span server = awaitSpan(s -> s.getName().equals("GET /v1/conversations/{id}"));
    Span select =
        awaitSpan(
            s ->
                s.getKind() == Span.SpanKind.SPAN_KIND_CLIENT
                    && s.getTraceId().equals(server.getTraceId())
                    && statement(s).contains("select"));
    assertThat(statement(select)).contains("conversation").doesNotContain(id);
    assertThat(demo.awaitScrape("/metrics", "active_connections{"))
        .contains("active_connections{database=\"dataSource\",tenant_id=\"unknown\"}");
  }

  @Test
  void staticFilesAndWebjarsAreLabelledWithTheResourcePatterns() {
    assertThat(demo.get("/css/demo.css", "X-Tenant-ID", "static").statusCode()).isEqualTo(200);
    assertThat(demo.get("/webjars/htmx-ext-sse/2.2.2/sse.js", "X-Tenant-ID", "static").statusCode())
        .isEqualTo(200);
    assertThat(demo.get("/css/no-such-file.css", "X-Tenant-ID", "static").statusCode())
        .isEqualTo(404);

    demo.awaitScrape("/metrics", series("/webjars/**", "200"));
    demo.awaitScrape("/metrics", series("__not_found__", "404"));
    String scrape = demo.awaitScrape("/metrics", series("/**", "200"));
    assertThat(scrape).doesNotContain("demo.css", "sse.js", "no-such-file");
    assertThat(awaitSpan(s -> s.getName().equals("GET /webjars/**"))).isNotNull();
    assertThat(awaitSpan(s -> s.getName().equals("GET /**"))).isNotNull();
    assertThat(TRACES.spans()).noneMatch(s -> s.getName().contains(".css"));
  }

  @Test
  void theContainersOwnErrorLineCarriesTheRequestsIds(CapturedOutput output) {
    HttpResponse<String> failed =
        demo.get(
            "/v1/failures/unhandled", "X-Tenant-ID", "tenant-err", "X-Request-ID", "req-err-1");
    assertThat(failed.statusCode()).isEqualTo(500);

    Map<String, Object> line =
        Poll.until(
            "the container's exception line",
            Poll.DEFAULT_TIMEOUT,
            () ->
                jsonLines(output)
                    .filter(l -> text(l, "message").startsWith("Servlet.service()"))
                    .findFirst(),
            output::getOut);
    assertThat(text(line, "level")).isEqualTo("ERROR");
    assertThat(text(line, "request_id")).isEqualTo("req-err-1");
    assertThat(text(line, "tenant_id")).isEqualTo("tenant-err");
    assertThat(text(line, "trace_id")).matches("[0-9a-f]{32}");
  }

  @Test
  void aFailedRequestLeavesNothingInTheMdcForTheNextOneOnTheThread() {
    demo.get("/v1/failures/unhandled", "X-Tenant-ID", "leak", "X-Request-ID", "req-leak-1");

    // One request thread: this request runs where the failed one ran.
    HttpResponse<String> next = demo.get("/health/live");

    assertThat(next.headers().firstValue(MDC_AT_ENTRY)).hasValue("none");
  }

  @Test
  void healthAndReadinessAnswer() {
    HttpResponse<String> health = demo.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(text(JSON.parseMap(health.body()), "overall_status")).isEqualTo("healthy");
    assertThat(demo.get("/health/ready").statusCode()).isEqualTo(200);
    HttpResponse<String> readiness = demo.get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(text(JSON.parseMap(readiness.body()), "status")).isEqualTo("UP");
  }

  @Test
  void requestLogLinesAreJsonWithTheTraceOfTheirSpan(CapturedOutput output) {
    demo.get("/v1/conversations/absent", "X-Request-ID", "req-log-1");

    Map<String, Object> completed =
        Poll.until(
            "the request's completed line",
            Poll.DEFAULT_TIMEOUT,
            () ->
                jsonLines(output)
                    .filter(l -> text(l, "request_id").equals("req-log-1"))
                    .filter(l -> text(l, "message").equals("Request completed"))
                    .findFirst(),
            output::getOut);
    assertThat(text(completed, "service")).isEqualTo("lyss-spring-demo");
    assertThat(((Number) completed.get("status_code")).intValue()).isEqualTo(404);
    String traceId = text(completed, "trace_id");
    assertThat(
            awaitSpan(s -> HexFormat.of().formatHex(s.getTraceId().toByteArray()).equals(traceId)))
        .isNotNull();
  }

  private static String series(String endpoint, String status) {
    return "http_requests_total{endpoint=\""
        + endpoint
        + "\",method=\"GET\",status=\""
        + status
        + "\",tenant_id=\"static\"}";
  }

  private static String statement(Span span) {
    String text = OtlpTraces.attribute(span, "db.query.text");
    return (text.isEmpty() ? OtlpTraces.attribute(span, "db.statement") : text)
        .toLowerCase(Locale.ROOT);
  }

  private static Span awaitSpan(Predicate<Span> wanted) {
    return Poll.until(
        "an exported span",
        Poll.DEFAULT_TIMEOUT,
        () -> TRACES.spans().stream().filter(wanted).findFirst(),
        () -> TRACES.spans().stream().map(Span::getName).toList().toString());
  }

  /** The lines written until the application said it had started. */
  private static List<String> startupLines(CapturedOutput output) {
    List<String> lines = output.getOut().lines().filter(l -> !l.isBlank()).toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"message\":\"Started SpringDemoApplication")) {
        return lines.subList(0, i + 1);
      }
    }
    throw new AssertionError("no start-up line in: " + output.getOut());
  }

  private static Stream<Map<String, Object>> jsonLines(CapturedOutput output) {
    return output.getOut().lines().filter(l -> l.startsWith("{")).map(JSON::parseMap);
  }

  /** A field of a parsed JSON object as text; empty when absent. */
  private static String text(Map<String, Object> json, String field) {
    Object value = json.get(field);
    return value == null ? "" : value.toString();
  }
}
