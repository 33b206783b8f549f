package ai.lyss.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ai.lyss.core.jdkhttp.ExchangeRequestView;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resolves tenants from requests served by a real JDK HTTP server. */
class TenantResolverTest {

  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          ExchangeRequestView view = ExchangeRequestView.of(exchange);
          String body =
              TenantResolver.fromTenantHeader().resolveOrUnknown(view)
                  + "|"
                  + RouteTemplates.of(view)
                  + "|"
                  + view.method();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void tenantComesFromTheTenantHeader() throws Exception {
    assertThat(get("/v1/conversations/7", "acme")).isEqualTo("acme|/v1/conversations/{id}|GET");
  }

  @Test
  void headerNameIsMatchedCaseInsensitively() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri("/x")).header("x-tenant-id", "lower").GET().build();

    assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).body())
        .startsWith("lower|");
  }

  @Test
  void missingOrBlankTenantIsUnknown() throws Exception {
    assertThat(get("/x", null)).startsWith("unknown|");
    assertThat(get("/x", "   ")).startsWith("unknown|");
  }

  @Test
  void aThrowingResolverGivesUnknownInsteadOfFailingTheRequest() {
    TenantResolver broken =
        request -> {
          throw new IllegalStateException("boom");
        };

    assertThat(broken.resolveOrUnknown(ExchangeRequestViewStub.INSTANCE)).isEqualTo("unknown");
  }

  @Test
  void blankHeaderNameIsRejectedAtConfiguration() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TenantResolver.fromHeader(" "))
        .withMessageContaining("headerName");
  }

  private String get(String path, String tenant) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).GET();
    if (tenant != null) {
      builder.header(LyssHeaders.TENANT_ID, tenant);
    }
    return client.send(builder.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private enum ExchangeRequestViewStub implements RequestView {
    INSTANCE;

    @Override
    public String method() {
      return "GET";
    }

    @Override
    public String path() {
      return "/";
    }

    @Override
    public String header(String name) {
      return null;
    }

    @Override
    public Object attribute(String name) {
      return null;
    }
  }
}
