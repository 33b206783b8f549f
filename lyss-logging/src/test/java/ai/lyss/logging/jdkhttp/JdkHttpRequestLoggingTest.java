package ai.lyss.logging.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.http.HttpObserver;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.jdkhttp.LyssHttpFilter;
import ai.lyss.logging.Fields;
import ai.lyss.logging.LogCapture;
import ai.lyss.logging.RequestLogging;
import ai.lyss.logging.StructuredLogger;
import ai.lyss.testing.Poll;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/** The JDK HttpServer filter in a real {@code com.sun.net.httpserver} server on loopback. */
class JdkHttpRequestLoggingTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final LogCapture capture = LogCapture.sync();
  private final HttpClient client = HttpClient.newHttpClient();
  private final BlockingQueue<Map<String, String>> mdcAfterRequest = new LinkedBlockingQueue<>();
  private final BlockingQueue<Throwable> escaped = new LinkedBlockingQueue<>();
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private HttpServer server;

  @AfterEach
  void tearDown() throws InterruptedException {
    if (server != null) {
      server.stop(0);
    }
    executor.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
    capture.close();
  }

  private URI start(HttpObserver observer) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    StructuredLogger handlerLog = capture.structured("handler");
    HttpContext context = server.createContext("/", exchange -> handle(exchange, handlerLog));
    context.getFilters().add(new Outer());
    context.getFilters().add(new LyssHttpFilter(HttpPipeline.builder().observer(observer).build()));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void handle(HttpExchange exchange, StructuredLogger log) throws IOException {
    log.info("handling", Fields.of("path", exchange.getRequestURI().getPath()));
    switch (exchange.getRequestURI().getPath()) {
      case "/fail" -> throw new IllegalStateException("handler exploded");
      case "/slow" -> {
        // simulated work: parkNanos may return early, so park until 60 ms have really passed
        long until = System.nanoTime() + Duration.ofMillis(60).toNanos();
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
          LockSupport.parkNanos(left);
        }
        byte[] body = "created ✓".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(201, 0); // chunked: size known only by counting
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      default -> {
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private final class Outer extends Filter {
    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      try {
        chain.doFilter(exchange);
      } catch (IOException | RuntimeException e) {
        escaped.add(e);
        exchange.sendResponseHeaders(500, -1);
        exchange.close();
      } finally {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        mdcAfterRequest.add(mdc == null ? Map.of() : mdc);
      }
    }

    @Override
    public String description() {
      return "test: records what escapes and the MDC left behind";
    }
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
    assertThat(line("Request completed").get("request_id").stringValue()).isEqualTo(id);
  }

  @Test
  void propagatesAValidIncomingRequestId() throws Exception {
    URI base = start(filter());
    HttpResponse<String> response = get(base, "/ok", "X-Request-ID", "edge.7_A-b");

    assertThat(response.headers().firstValue("X-Request-ID")).hasValue("edge.7_A-b");
    assertThat(line("Request started").get("request_id").stringValue()).isEqualTo("edge.7_A-b");
  }

  @Test
  void replacesAnInvalidIncomingRequestId() throws Exception {
    URI base = start(filter());
    HttpResponse<String> response = get(base, "/ok", "X-Request-ID", "<script>alert(1)</script>");

    assertThat(response.headers().firstValue("X-Request-ID").orElseThrow())
        .doesNotContain("<")
        .hasSize(36);
  }

  @Test
  void startedLineHasMethodUrlClientUserAgentAndTenant() throws Exception {
    URI base = start(filter());
    get(base, "/ok?x=1", "User-Agent", "jdk-test/2", "X-Tenant-ID", "tenant-jdk");

    JsonNode started = line("Request started");
    assertThat(started.get("method").stringValue()).isEqualTo("GET");
    assertThat(started.get("url").stringValue()).isEqualTo(base + "/ok?x=1");
    assertThat(started.get("client_ip").stringValue()).isEqualTo("127.0.0.1");
    assertThat(started.get("user_agent").stringValue()).isEqualTo("jdk-test/2");
    assertThat(started.get("tenant_id").stringValue()).isEqualTo("tenant-jdk");
  }

  @Test
  void completedLineHasStatusDurationAndCountedResponseSize() throws Exception {
    URI base = start(filter());
    HttpResponse<String> response = get(base, "/slow");

    JsonNode completed = line("Request completed");
    assertThat(completed.get("status_code").intValue()).isEqualTo(201);
    assertThat(completed.get("duration_ms").doubleValue()).isGreaterThanOrEqualTo(60.0);
    assertThat(completed.get("response_size").longValue())
        .isEqualTo(response.body().getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void failedRequestIsLoggedWithTheErrorAndRethrown() throws Exception {
    URI base = start(filter());
    HttpResponse<String> response = get(base, "/fail", "X-Request-ID", "jdk-fail");

    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode failed = line("Request failed");
    assertThat(failed.get("request_id").stringValue()).isEqualTo("jdk-fail");
    assertThat(failed.get("error").get("message").stringValue()).isEqualTo("handler exploded");
    assertThat(failed.get("duration_ms").isNumber()).isTrue();
    assertThat(escaped.poll(30, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void mdcIsClearedAfterEveryRequest() throws Exception {
    URI base = start(filter());
    get(base, "/ok", "X-Request-ID", "req-1", "X-Tenant-ID", "t1");
    get(base, "/fail", "X-Request-ID", "req-2");
    get(base, "/ok");

    for (int i = 0; i < 3; i++) {
      assertThat(mdcAfterRequest.poll(30, TimeUnit.SECONDS)).isEmpty();
    }
    List<JsonNode> handled =
        capture.lines().stream()
            .filter(l -> l.get("message").stringValue().equals("handling"))
            .toList();
    assertThat(handled).hasSize(3);
    assertThat(handled.get(2).get("request_id").stringValue()).isNotIn("req-1", "req-2");
  }

  @Test
  void forwardedForIsBelievedOnlyFromTrustedProxies() throws Exception {
    URI trusted =
        start(
            RequestLogging.builder()
                .logger(capture.structured("ai.lyss.logging.request"))
                .trustedProxies(List.of("127.0.0.1"))
                .build());
    get(trusted, "/ok", "X-Forwarded-For", "198.51.100.4");

    assertThat(line("Request started").get("client_ip").stringValue()).isEqualTo("198.51.100.4");
  }
}
