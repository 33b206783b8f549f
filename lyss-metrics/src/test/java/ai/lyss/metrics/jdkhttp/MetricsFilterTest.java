package ai.lyss.metrics.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.core.RouteTemplates;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.jdkhttp.LyssHttpFilter;
import ai.lyss.metrics.ChatApi;
import ai.lyss.metrics.HttpMetrics;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.MonitoredProxy;
import ai.lyss.metrics.QuotaExceededException;
import ai.lyss.metrics.Recorded;
import ai.lyss.metrics.StatusMapper;
import ai.lyss.testing.Poll;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsFilterTest {

  private static LyssMetrics metrics;
  private static HttpServer server;
  private static ExecutorService executor;
  private static HttpClient client;
  private static ChatApi chat;

  @BeforeAll
  static void start() throws IOException {
    metrics =
        LyssMetrics.builder()
            .statusMapper(StatusMapper.defaults().when(QuotaExceededException.class, 429))
            .build();
    chat = MonitoredProxy.create(ChatApi.class, new ChatApi.Impl(), metrics);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    HttpContext app = server.createContext("/", MetricsFilterTest::route);
    app.getFilters()
        .add(new LyssHttpFilter(HttpPipeline.builder().observer(metrics.httpObserver()).build()));
    server.createContext("/metrics", PrometheusHandler.create(metrics));
    server.start();
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.startsWith("/v1/conversations/")) {
      exchange.setAttribute(RouteTemplates.ROUTE_ATTRIBUTE, "/v1/conversations/{id}");
      respond(exchange, 200);
    } else if (path.equals("/v1/limited")) {
      respond(exchange, 429);
    } else if (path.startsWith("/v1/items/")) {
      respond(exchange, 200);
    } else if (path.equals("/v1/boom")) {
      throw new IllegalStateException("handler failed");
    } else if (path.equals("/v1/quota")) {
      throw new QuotaExceededException();
    } else if (path.equals("/v1/chat")) {
      respond(exchange, 200, chat.complete("hi"));
    } else {
      respond(exchange, 404);
    }
  }

  private static void respond(HttpExchange exchange, int status) throws IOException {
    respond(exchange, status, "status " + status);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static HttpResponse<String> get(String path, String tenant) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
            .timeout(Duration.ofSeconds(20));
    if (tenant != null) {
      request.header("X-Tenant-ID", tenant);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** POST, because the JDK client silently retries a GET whose connection was closed. */
  private static void post(String path, String tenant) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
            .timeout(Duration.ofSeconds(20))
            .header("X-Tenant-ID", tenant)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static double requests(String... tags) {
    return Recorded.requests(metrics.registry(), tags);
  }

  /** The filter records after the handler has sent the response, so the client may be first. */
  private static void awaitRequests(double expected, String... tags) {
    Poll.until(
        expected + " requests with " + java.util.Arrays.toString(tags),
        () -> requests(tags) == expected);
    assertThat(requests(tags)).isEqualTo(expected);
  }

  @Test
  void frameworkRouteTemplateAndTenantHeaderBecomeTheLabels() throws Exception {
    get("/v1/conversations/8812", "tenant-route");

    awaitRequests(
        1.0,
        "method",
        "GET",
        "endpoint",
        "/v1/conversations/{id}",
        "status",
        "200",
        "tenant_id",
        "tenant-route");
  }

  @Test
  void routeTemplateSetForOneExchangeDoesNotLabelTheNext() throws Exception {
    get("/v1/conversations/1", "tenant-leak");
    get("/v1/items/77", "tenant-leak");

    awaitRequests(1.0, "endpoint", "/v1/items/{id}", "tenant_id", "tenant-leak");
    awaitRequests(1.0, "endpoint", "/v1/conversations/{id}", "tenant_id", "tenant-leak");
  }

  @Test
  void pathWithoutTemplateIsRecordedWithIdsCollapsed() throws Exception {
    get("/v1/items/123456", "tenant-collapse");

    awaitRequests(1.0, "endpoint", "/v1/items/{id}", "tenant_id", "tenant-collapse");
  }

  @Test
  void statusSentByTheHandlerIsRecorded() throws Exception {
    assertThat(get("/v1/limited", "tenant-429").statusCode()).isEqualTo(429);

    awaitRequests(1.0, "endpoint", "/v1/limited", "status", "429", "tenant_id", "tenant-429");
  }

  @Test
  void unmatched404IsGroupedUnderOneEndpointWhateverThePath() throws Exception {
    get("/wp-admin/setup-config", "tenant-404");
    get("/.env", "tenant-404");
    get("/cgi-bin/luci", "tenant-404");

    awaitRequests(
        3.0,
        "endpoint",
        HttpMetrics.UNMATCHED_NOT_FOUND,
        "status",
        "404",
        "tenant_id",
        "tenant-404");
  }

  @Test
  void handlerExceptionIsRecordedAs500() {
    assertThatThrownBy(() -> post("/v1/boom", "tenant-500")).isInstanceOf(IOException.class);

    awaitRequests(1.0, "endpoint", "/v1/boom", "status", "500", "tenant_id", "tenant-500");
  }

  @Test
  void mappedHandlerExceptionIsRecordedWithTheMappedStatus() {
    assertThatThrownBy(() -> post("/v1/quota", "tenant-quota")).isInstanceOf(IOException.class);

    awaitRequests(1.0, "endpoint", "/v1/quota", "status", "429", "tenant_id", "tenant-quota");
  }

  @Test
  void missingTenantHeaderIsRecordedAsUnknown() throws Exception {
    get("/v1/items/no-tenant-check-0001", null);

    awaitRequests(1.0, "endpoint", "/v1/items/{id}", "tenant_id", "unknown");
  }

  @Test
  void monitorApiInsideTheFilterNamesTheEndpointAndIsCountedOnce() throws Exception {
    get("/v1/chat", "tenant-chat");

    awaitRequests(1.0, "endpoint", "chat_completions", "method", "GET", "tenant_id", "tenant-chat");
    assertThat(requests("tenant_id", "tenant-chat")).isEqualTo(1.0);
    assertThat(requests("endpoint", "chat_completions", "method", "POST")).isZero();
  }

  @Test
  void metricsEndpointServesPrometheusTextByDefault() throws Exception {
    HttpResponse<String> response = get("/metrics", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains("# TYPE lyss_metrics_cardinality_overflow_total counter");
  }

  @Test
  void metricsEndpointServesOpenMetricsWhenAskedViaAccept() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics"))
            .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;q=0.5")
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
    assertThat(response.body()).endsWith("# EOF\n");
  }

  @Test
  void metricsEndpointRejectsPost() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics"))
            .POST(HttpRequest.BodyPublishers.ofString("x"))
            .build();

    assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(405);
  }
}
