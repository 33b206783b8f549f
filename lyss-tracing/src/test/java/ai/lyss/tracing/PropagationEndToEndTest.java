package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.RouteTemplates;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.jdkhttp.LyssHttpFilter;
import ai.lyss.core.servlet.LyssServletFilter;
import ai.lyss.testing.Poll;
import ai.lyss.tracing.http.TracingHttpClient;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Client → Jetty gateway (Servlet filter) → HttpClient → JDK HttpServer provider: one trace. */
class PropagationEndToEndTest {

  private final InMemorySpanExporter clientSpans = InMemorySpanExporter.create();
  private final InMemorySpanExporter gatewaySpans = InMemorySpanExporter.create();
  private final InMemorySpanExporter providerSpans = InMemorySpanExporter.create();
  private final LyssTracing client = TestTracing.builder(clientSpans).serviceName("client").build();
  private final LyssTracing gateway =
      TestTracing.builder(gatewaySpans).serviceName("gateway").build();
  private final LyssTracing provider =
      TestTracing.builder(providerSpans).serviceName("provider").build();
  private HttpServer providerServer;
  private Server jetty;
  private int jettyPort;

  @BeforeEach
  void start() throws Exception {
    providerServer =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    providerServer
        .createContext(
            "/v1/models",
            exchange -> {
              byte[] body = "model-ok".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            })
        .getFilters()
        .add(new LyssHttpFilter(HttpPipeline.builder().observer(provider.httpObserver()).build()));
    providerServer.start();
    String providerUrl = "http://127.0.0.1:" + providerServer.getAddress().getPort() + "/v1/models";
    HttpClient gatewayClient = TracingHttpClient.wrap(HttpClient.newHttpClient(), gateway);

    jetty = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    ServletContextHandler context = new ServletContextHandler();
    context.addFilter(
        new FilterHolder(
            new LyssServletFilter(HttpPipeline.builder().observer(gateway.httpObserver()).build())),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(
        new ServletHolder(
            new HttpServlet() {
              private static final long serialVersionUID = 1L;

              @Override
              protected void doPost(HttpServletRequest req, HttpServletResponse resp)
                  throws IOException {
                req.setAttribute(RouteTemplates.ROUTE_ATTRIBUTE, "/v1/chat/completions");
                try {
                  String answer =
                      gatewayClient
                          .send(
                              HttpRequest.newBuilder(URI.create(providerUrl)).build(),
                              HttpResponse.BodyHandlers.ofString())
                          .body();
                  resp.getWriter().write(answer);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  resp.setStatus(503);
                }
              }
            }),
        "/*");
    jetty.setHandler(context);
    jetty.start();
    jettyPort = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  @AfterEach
  void stop() throws Exception {
    jetty.stop();
    providerServer.stop(0);
    client.close();
    gateway.close();
    provider.close();
  }

  private static SpanData only(InMemorySpanExporter exporter, SpanKind kind) {
    List<SpanData> matching =
        exporter.getFinishedSpanItems().stream().filter(s -> s.getKind() == kind).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  @Test
  void clientGatewayAndProviderSpansFormOneTraceWithCorrectParentage() throws Exception {
    HttpClient http = TracingHttpClient.wrap(HttpClient.newHttpClient(), client);
    Span root = client.tracer().spanBuilder("user action").startSpan();
    HttpResponse<String> response;
    Scope scope = root.makeCurrent();
    try {
      response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + jettyPort + "/v1/chat/completions"))
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } finally {
      scope.close();
      root.end();
    }
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("model-ok");
    Poll.until("gateway server span", () -> gatewaySpans.getFinishedSpanItems().size() == 2);
    Poll.until("provider server span", () -> providerSpans.getFinishedSpanItems().size() == 1);

    SpanData clientCall = only(clientSpans, SpanKind.CLIENT);
    SpanData gatewayServer = only(gatewaySpans, SpanKind.SERVER);
    SpanData gatewayCall = only(gatewaySpans, SpanKind.CLIENT);
    SpanData providerServer = only(providerSpans, SpanKind.SERVER);
    String traceId = root.getSpanContext().getTraceId();
    assertThat(List.of(clientCall, gatewayServer, gatewayCall, providerServer))
        .allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(traceId));
    assertThat(clientCall.getParentSpanId()).isEqualTo(root.getSpanContext().getSpanId());
    assertThat(gatewayServer.getParentSpanId()).isEqualTo(clientCall.getSpanId());
    assertThat(gatewayCall.getParentSpanId()).isEqualTo(gatewayServer.getSpanId());
    assertThat(providerServer.getParentSpanId()).isEqualTo(gatewayCall.getSpanId());
  }

  @Test
  void servletServerSpanCarriesRouteAndHttpAttributes() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + jettyPort + "/v1/chat/completions?x=1"))
                    .header("User-Agent", "lyss-test")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Poll.until("gateway spans", () -> gatewaySpans.getFinishedSpanItems().size() == 2);
    SpanData server = only(gatewaySpans, SpanKind.SERVER);
    assertThat(server.getName()).isEqualTo("POST /v1/chat/completions");
    var a = server.getAttributes();
    assertThat(a.get(TracingAttributes.HTTP_REQUEST_METHOD)).isEqualTo("POST");
    assertThat(a.get(TracingAttributes.HTTP_ROUTE)).isEqualTo("/v1/chat/completions");
    assertThat(a.get(TracingAttributes.URL_PATH)).isEqualTo("/v1/chat/completions");
    assertThat(a.get(TracingAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
    assertThat(a.get(TracingAttributes.SERVER_PORT)).isEqualTo((long) jettyPort);
    assertThat(a.get(TracingAttributes.USER_AGENT_ORIGINAL)).isEqualTo("lyss-test");
    assertThat(a.get(TracingAttributes.CLIENT_ADDRESS)).isEqualTo("127.0.0.1");
    SpanData call = only(gatewaySpans, SpanKind.CLIENT);
    assertThat(call.getName()).isEqualTo("GET");
    assertThat(call.getAttributes().get(TracingAttributes.URL_FULL)).endsWith("/v1/models");
    assertThat(call.getAttributes().get(TracingAttributes.HTTP_RESPONSE_STATUS_CODE))
        .isEqualTo(200L);
  }
}
