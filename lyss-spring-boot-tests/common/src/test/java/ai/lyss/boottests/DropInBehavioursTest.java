package ai.lyss.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.OtlpReceiver;
import ai.lyss.testing.Poll;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
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
 * What an existing application gets from the starter without changing anything, on the Boot line's
 * managed versions: route templates for static files and webjars, the container's own error line
 * with the request's ids, one HTTP server histogram, and the Hikari pool's connections. One request
 * thread, so a request that leaked MDC entries would show them to the next one.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.tomcat.threads.max=1")
@ExtendWith(OutputCaptureExtension.class)
class DropInBehavioursTest {

  private static final OtlpReceiver OTLP = ShopHttp.receiver();
  private static final String MDC_AT_ENTRY = "X-Mdc-At-Entry";

  @LocalServerPort int port;

  @Autowired MeterRegistry meterRegistry;

  @DynamicPropertySource
  static void otlpEndpoint(DynamicPropertyRegistry registry) {
    registry.add("lyss.tracing.endpoint", OTLP::tracesUrl);
  }

  @AfterAll
  static void stopReceiver() {
    OTLP.close();
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

  @Test
  void staticFileIsLabelledWithTheResourcePattern() {
    assertThat(get("/css/shop.css", "X-Tenant-ID", "static").statusCode()).isEqualTo(200);

    String scrape = ShopHttp.awaitScrape(port, series("/**", "200", "static"));
    assertThat(scrape).doesNotContain("shop.css");
    assertThat(awaitSpan("GET /**")).isNotNull();
    assertThat(OTLP.spans()).noneMatch(s -> s.getName().contains("shop.css"));
  }

  @Test
  void webjarFileIsLabelledWithTheWebjarsPattern() {
    assertThat(get("/webjars/htmx-ext-sse/2.2.2/sse.js", "X-Tenant-ID", "webjar").statusCode())
        .isEqualTo(200);

    String scrape = ShopHttp.awaitScrape(port, series("/webjars/**", "200", "webjar"));
    assertThat(scrape).doesNotContain("sse.js");
    assertThat(awaitSpan("GET /webjars/**")).isNotNull();
    assertThat(OTLP.spans()).noneMatch(s -> s.getName().contains("sse.js"));
  }

  @Test
  void missingStaticFileIsNotLabelledByItsPath() {
    assertThat(get("/css/no-such-file.css", "X-Tenant-ID", "missing").statusCode()).isEqualTo(404);

    String scrape = ShopHttp.awaitScrape(port, "tenant_id=\"missing\"");
    assertThat(scrape)
        .contains(series("__not_found__", "404", "missing"))
        .doesNotContain("no-such-file");
  }

  @Test
  void theContainersOwnErrorLineCarriesTheRequestsIds(CapturedOutput output) {
    HttpResponse<String> failed =
        get("/items/1/fail", "X-Tenant-ID", "tenant-err", "X-Request-ID", "req-err-1");
    assertThat(failed.statusCode()).isEqualTo(500);

    String line =
        Poll.until(
            "the container's exception line",
            Poll.DEFAULT_TIMEOUT,
            () ->
                output
                    .getOut()
                    .lines()
                    .filter(l -> l.contains("\"message\":\"Servlet.service()"))
                    .findFirst(),
            output::getOut);
    assertThat(line)
        .contains("\"level\":\"ERROR\"")
        .contains("\"request_id\":\"req-err-1\"")
        .contains("\"tenant_id\":\"tenant-err\"")
        .containsPattern("\"trace_id\":\"[0-9a-f]{32}\"");
  }

  @Test
  void aFailedRequestLeavesNothingInTheMdcForTheNextOneOnTheThread() {
    get("/items/2/fail", "X-Tenant-ID", "leak", "X-Request-ID", "req-leak-1");

    // One request thread: this request runs where the failed one ran.
    HttpResponse<String> next = get("/health/live");

    assertThat(next.headers().firstValue(MDC_AT_ENTRY)).hasValue("none");
  }

  @Test
  void bootsHttpServerRequestsObservationIsNotRecordedByDefault() {
    assertThat(get("/items/3", "X-Tenant-ID", "timed-once").statusCode()).isEqualTo(200);
    // Lyss recorded the request: Boot's observation, had it run, would have stopped by now.
    ShopHttp.awaitScrape(port, series("/items/{id}", "200", "timed-once"));

    assertThat(meterRegistry.find("http.server.requests").meters()).isEmpty();
  }

  @Test
  void hikariPoolReportsActiveConnections() {
    assertThat(get("/items/5/stock").statusCode()).isEqualTo(200);

    assertThat(ShopHttp.awaitScrape(port, "active_connections{"))
        .contains("active_connections{database=\"dataSource\",tenant_id=\"unknown\"}");
  }

  private HttpResponse<String> get(String path, String... headers) {
    return ShopHttp.get(port, path, headers);
  }

  private static String series(String endpoint, String status, String tenant) {
    return "http_requests_total{endpoint=\""
        + endpoint
        + "\",method=\"GET\",status=\""
        + status
        + "\",tenant_id=\""
        + tenant
        + "\"}";
  }

  private static Span awaitSpan(String name) {
    return Poll.until(
        "a span named " + name,
        Poll.DEFAULT_TIMEOUT,
        () -> OTLP.spans().stream().filter(s -> s.getName().equals(name)).findFirst(),
        () -> OTLP.spans().stream().map(Span::getName).toList().toString());
  }
}
