package ai.lyss.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.jdkhttp.ExchangeRequestView;
import ai.lyss.core.jdkhttp.ScopedExchange;
import com.sun.net.httpserver.Filter;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-request attributes on a real JDK HTTP server, where plain attributes are context-wide. */
class ScopedExchangeTest {

  private final AtomicBoolean innerWrapWasNoOp = new AtomicBoolean();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    var context =
        server.createContext(
            "/",
            exchange -> {
              // Only /first sets a route; a later request must not inherit it.
              if (exchange.getRequestURI().getPath().equals("/first")) {
                exchange.setAttribute(RouteTemplates.ROUTE_ATTRIBUTE, "/first-template");
              }
              byte[] body =
                  RouteTemplates.of(ExchangeRequestView.of(exchange))
                      .getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            });
    context.getFilters().add(new Wrapping("outer", null));
    context.getFilters().add(new Wrapping("inner", innerWrapWasNoOp));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void routeSetByOneRequestDoesNotLabelTheNext() throws Exception {
    assertThat(get("/first")).isEqualTo("/first-template");
    assertThat(get("/second/42")).isEqualTo("/second/{id}");
  }

  @Test
  void anInnerFilterGetsTheOuterFiltersWrapperBack() throws Exception {
    get("/first");

    assertThat(innerWrapWasNoOp).isTrue();
  }

  private String get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return client
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** A Lyss-style filter: wraps (a no-op when an outer filter already did) and passes it on. */
  private static final class Wrapping extends Filter {
    private final String name;
    private final AtomicBoolean noOp;

    Wrapping(String name, AtomicBoolean noOp) {
      this.name = name;
      this.noOp = noOp;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      HttpExchange scoped = ScopedExchange.wrap(exchange);
      if (noOp != null) {
        noOp.set(scoped == exchange);
      }
      chain.doFilter(scoped);
    }

    @Override
    public String description() {
      return name;
    }
  }
}
