package ai.lyss.logging.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.http.HttpObserver;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.servlet.LyssServletFilter;
import ai.lyss.logging.Fields;
import ai.lyss.logging.LogCapture;
import ai.lyss.logging.RequestLogging;
import ai.lyss.logging.StructuredLogger;
import ai.lyss.testing.Poll;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/** The Servlet filter in a real embedded Jetty 12 (ee10) server on a loopback port. */
class ServletRequestLoggingTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final LogCapture capture = LogCapture.sync();
  private final HttpClient client = HttpClient.newHttpClient();
  private final BlockingQueue<Map<String, String>> mdcAfterRequest = new LinkedBlockingQueue<>();
  private final BlockingQueue<Throwable> escaped = new LinkedBlockingQueue<>();
  private Server server;

  @AfterEach
  void tearDown() throws Exception {
    if (server != null) {
      server.stop();
    }
    capture.close();
  }

  private URI start(HttpObserver observer) throws Exception {
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    Filter outer =
        (request, response, chain) -> {
          try {
            chain.doFilter(request, response);
          } catch (Throwable e) {
            escaped.add(e);
            throw e;
          } finally {
            Map<String, String> mdc = MDC.getCopyOfContextMap();
            mdcAfterRequest.add(mdc == null ? Map.of() : mdc);
          }
        };
    context.addFilter(new FilterHolder(outer), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(
        new FilterHolder(new LyssServletFilter(HttpPipeline.builder().observer(observer).build())),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new Handler(capture.structured("handler"))), "/*");
    server.setHandler(context);
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return URI.create("http://127.0.0.1:" + port);
  }

  private HttpObserver filter() {
    return RequestLogging.builder().logger(capture.structured("ai.lyss.logging.request")).build();
  }

  private HttpResponse<String> get(URI base, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(DEADLINE);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode line(String message) {
    Poll.until(
        message,
        DEADLINE,
        () ->
            capture.lines().stream().anyMatch(l -> l.get("message").stringValue().equals(message)));
    return capture.lines().stream()
        .filter(l -> l.get("message").stringValue().equals(message))
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  @Test
  void generatesARequestIdWhenTheHeaderIsMissing() throws Exception {
    URI base = start(filter());
    HttpResponse<String> response = get(base, "/ok");

    String id = response.headers().firstValue("X-Request-ID").orElseThrow();
    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(line("Request started").get("request_id").stringValue()).isEqualTo(id);
    assertThat(line("Request completed").get("request_id").stringValue()).isEqualTo(id);
  }

  @Test
  void propagatesAValidIncomingRequestId() throws Exception {
    URI base = start(filter());
    HttpResponse<String> response = get(base, "/ok", "X-Request-ID", "gw-01.abc_DEF-9");

    assertThat(response.headers().firstValue("X-Request-ID")).hasValue("gw-01.abc_DEF-9");
    assertThat(line("Request completed").get("request_id").stringValue())
        .isEqualTo("gw-01.abc_DEF-9");
  }

  @Test
  void replacesAnInvalidIncomingRequestId() throws Exception {
    URI base = start(filter());
    HttpResponse<String> spaces = get(base, "/ok", "X-Request-ID", "bad id; drop table");
    HttpResponse<String> tooLong = get(base, "/ok", "X-Request-ID", "a".repeat(129));

    assertThat(spaces.headers().firstValue("X-Request-ID").orElseThrow())
        .isNotEqualTo("bad id; drop table")
        .hasSize(36);
    assertThat(tooLong.headers().firstValue("X-Request-ID").orElseThrow()).hasSize(36);
  }

  @Test
  void startedLineHasMethodUrlClientUserAgentAndTenant() throws Exception {
    URI base = start(filter());
    get(base, "/ok?page=2", "User-Agent", "lyss-test/1.0", "X-Tenant-ID", "tenant-42");

    JsonNode started = line("Request started");
    assertThat(started.get("method").stringValue()).isEqualTo("GET");
    assertThat(started.get("url").stringValue()).isEqualTo(base + "/ok?page=2");
    assertThat(started.get("client_ip").stringValue()).isEqualTo("127.0.0.1");
    assertThat(started.get("user_agent").stringValue()).isEqualTo("lyss-test/1.0");
    assertThat(started.get("tenant_id").stringValue()).isEqualTo("tenant-42");
    assertThat(started.get("level").stringValue()).isEqualTo("INFO");
  }

  @Test
  void completedLineHasNumericStatusDurationAndResponseSize() throws Exception {
    URI base = start(filter());
    HttpResponse<String> response = get(base, "/slow");

    JsonNode completed = line("Request completed");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(completed.get("status_code").intValue()).isEqualTo(201);
    assertThat(completed.get("duration_ms").isNumber()).isTrue();
    assertThat(completed.get("duration_ms").doubleValue()).isGreaterThanOrEqualTo(60.0);
    assertThat(completed.get("response_size").longValue())
        .isEqualTo(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  @Test
  void handlerLinesCarryTheRequestIdAndTenant() throws Exception {
    URI base = start(filter());
    get(base, "/ok", "X-Request-ID", "req-handler-1", "X-Tenant-ID", "t9");

    JsonNode handled = line("handling");
    assertThat(handled.get("request_id").stringValue()).isEqualTo("req-handler-1");
    assertThat(handled.get("tenant_id").stringValue()).isEqualTo("t9");
  }

  @Test
  void failedRequestIsLoggedWithTheErrorAndRethrown() throws Exception {
    URI base = start(filter());
    HttpResponse<String> response = get(base, "/fail", "X-Request-ID", "req-fail-1");

    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode failed = line("Request failed");
    assertThat(failed.get("level").stringValue()).isEqualTo("ERROR");
    assertThat(failed.get("request_id").stringValue()).isEqualTo("req-fail-1");
    assertThat(failed.get("duration_ms").isNumber()).isTrue();
    assertThat(failed.get("error").get("type").stringValue())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(failed.get("error").get("message").stringValue()).isEqualTo("handler exploded");
    assertThat(escaped.poll(30, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
    assertThat(capture.lines())
        .noneMatch(l -> l.get("message").stringValue().equals("Request completed"));
  }

  @Test
  void mdcIsClearedAfterEveryRequest() throws Exception {
    URI base = start(filter());
    get(base, "/ok", "X-Request-ID", "req-a", "X-Tenant-ID", "ta");
    get(base, "/fail", "X-Request-ID", "req-b");
    get(base, "/ok");

    for (int i = 0; i < 3; i++) {
      assertThat(mdcAfterRequest.poll(30, TimeUnit.SECONDS)).isEmpty();
    }
    List<JsonNode> handled =
        capture.lines().stream()
            .filter(l -> l.get("message").stringValue().equals("handling"))
            .toList();
    assertThat(handled.get(1).get("request_id").stringValue()).isNotEqualTo("req-a");
    assertThat(handled.get(1).get("tenant_id").stringValue()).isEqualTo("unknown");
  }

  @Test
  void forwardedForIsBelievedOnlyFromTrustedProxies() throws Exception {
    URI untrusted = start(filter());
    get(untrusted, "/ok", "X-Forwarded-For", "203.0.113.7");
    assertThat(line("Request started").get("client_ip").stringValue()).isEqualTo("127.0.0.1");
    server.stop();

    URI trusted =
        start(
            RequestLogging.builder()
                .logger(capture.structured("ai.lyss.logging.request"))
                .trustedProxies(List.of("127.0.0.0/8"))
                .build());
    get(trusted, "/ok", "X-Forwarded-For", "203.0.113.7, 127.0.0.5");
    assertThat(line("Request started").get("client_ip").stringValue()).isEqualTo("203.0.113.7");
  }

  private static final class Handler extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient StructuredLogger log;

    Handler(StructuredLogger log) {
      this.log = log;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      log.info("handling", Fields.of("path", request.getRequestURI()));
      switch (request.getRequestURI()) {
        case "/fail" -> throw new IllegalStateException("handler exploded");
        case "/slow" -> {
          // simulated work: parkNanos may return early, so park until 60 ms have really passed
          long until = System.nanoTime() + Duration.ofMillis(60).toNanos();
          for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
          }
          response.setStatus(201);
          response.setContentType("text/plain;charset=UTF-8");
          response.getWriter().write("created ✓ résumé");
        }
        default -> {
          response.setContentType("text/plain");
          response
              .getOutputStream()
              .write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
  }
}
