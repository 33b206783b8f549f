package ai.lyss.metrics.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.RouteTemplates;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.servlet.LyssServletFilter;
import ai.lyss.metrics.ChatApi;
import ai.lyss.metrics.HttpMetrics;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.MonitoredProxy;
import ai.lyss.metrics.QuotaExceededException;
import ai.lyss.metrics.Recorded;
import ai.lyss.metrics.StatusMapper;
import ai.lyss.testing.Poll;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsServletFilterTest {

  private static LyssMetrics metrics;
  private static Server server;
  private static HttpClient client;
  private static ChatApi chat;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    metrics =
        LyssMetrics.builder()
            .statusMapper(StatusMapper.defaults().when(QuotaExceededException.class, 429))
            .build();
    chat = MonitoredProxy.create(ChatApi.class, new ChatApi.Impl(), metrics);
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addFilter(
        new FilterHolder(
            new LyssServletFilter(HttpPipeline.builder().observer(metrics.httpObserver()).build())),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
    ServletHolder app = new ServletHolder(new App());
    app.setAsyncSupported(true);
    context.addServlet(app, "/v1/*");
    context.addServlet(new ServletHolder(PrometheusServlet.create(metrics)), "/metrics");
    server.setHandler(context);
    server.start();
    port = connector.getLocalPort();
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  /** The application: one servlet whose behaviour depends on the path. */
  private static final class App extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String path = request.getPathInfo();
      switch (path) {
        case "/conversations/42" -> {
          request.setAttribute(RouteTemplates.ROUTE_ATTRIBUTE, "/v1/conversations/{id}");
          response.getWriter().write("ok");
        }
        case "/limited" -> response.sendError(429);
        case "/boom" -> throw new IllegalStateException("handler failed");
        case "/quota" -> throw new QuotaExceededException();
        case "/chat" -> response.getWriter().write(chat.complete("hi"));
        case "/async" -> {
          AsyncContext async = request.startAsync();
          async.start(
              () -> {
                ((HttpServletResponse) async.getResponse()).setStatus(202);
                async.complete();
              });
        }
        default -> response.sendError(404);
      }
    }
  }

  private static HttpResponse<String> send(String method, String path, String tenant)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .header("X-Tenant-ID", tenant)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitRequests(double expected, String... tags) {
    Poll.until(
        expected + " requests with " + Arrays.toString(tags),
        () -> Recorded.requests(metrics.registry(), tags) == expected);
    assertThat(Recorded.requests(metrics.registry(), tags)).isEqualTo(expected);
  }

  @Test
  void frameworkRouteTemplateAndTenantHeaderBecomeTheLabels() throws Exception {
    assertThat(send("GET", "/v1/conversations/42", "jetty-route").statusCode()).isEqualTo(200);

    awaitRequests(
        1.0,
        "method",
        "GET",
        "endpoint",
        "/v1/conversations/{id}",
        "status",
        "200",
        "tenant_id",
        "jetty-route");
  }

  @Test
  void errorStatusSentByTheServletIsRecorded() throws Exception {
    assertThat(send("GET", "/v1/limited", "jetty-429").statusCode()).isEqualTo(429);

    awaitRequests(1.0, "endpoint", "/v1/limited", "status", "429", "tenant_id", "jetty-429");
  }

  @Test
  void unmatched404IsGroupedUnderOneEndpoint() throws Exception {
    send("GET", "/v1/xmlrpc.php", "jetty-404");
    send("GET", "/v1/phpmyadmin/index", "jetty-404");

    awaitRequests(
        2.0,
        "endpoint",
        HttpMetrics.UNMATCHED_NOT_FOUND,
        "status",
        "404",
        "tenant_id",
        "jetty-404");
  }

  @Test
  void servletExceptionIsRecordedAs500() throws Exception {
    assertThat(send("POST", "/v1/boom", "jetty-500").statusCode()).isEqualTo(500);

    awaitRequests(1.0, "endpoint", "/v1/boom", "status", "500", "tenant_id", "jetty-500");
  }

  @Test
  void mappedServletExceptionIsRecordedWithTheMappedStatus() throws Exception {
    send("POST", "/v1/quota", "jetty-quota");

    awaitRequests(1.0, "endpoint", "/v1/quota", "status", "429", "tenant_id", "jetty-quota");
  }

  @Test
  void monitorApiInsideTheFilterNamesTheEndpointAndIsCountedOnce() throws Exception {
    send("GET", "/v1/chat", "jetty-chat");

    awaitRequests(1.0, "endpoint", "chat_completions", "method", "GET", "tenant_id", "jetty-chat");
    assertThat(
            Recorded.requests(metrics.registry(), "endpoint", "chat_completions", "method", "POST"))
        .isZero();
  }

  @Test
  void asyncRequestIsRecordedWhenItCompletes() throws Exception {
    assertThat(send("GET", "/v1/async", "jetty-async").statusCode()).isEqualTo(202);

    awaitRequests(1.0, "endpoint", "/v1/async", "status", "202", "tenant_id", "jetty-async");
  }

  @Test
  void metricsServletServesPrometheusText() throws Exception {
    HttpResponse<String> response = send("GET", "/metrics", "scraper");

    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain;")
        .contains("version=0.0.4");
    assertThat(response.body()).contains("# HELP lyss_metrics_cardinality_overflow_total ");
  }

  @Test
  void metricsServletServesOpenMetricsWhenAsked() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .header("Accept", "application/openmetrics-text; version=1.0.0")
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text");
    assertThat(response.body()).endsWith("# EOF\n");
  }
}
