package ai.lyss.health.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.DetailAccess;
import ai.lyss.health.HealthRegistry;
import ai.lyss.health.jdkhttp.HealthHandler;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link HealthHandler} in a real JDK HttpServer. */
class HealthHandlerJdkTest extends HealthEndpointContract {

  private static HttpServer server;
  private static ExecutorService executor;
  private static HealthRegistry main;
  private static HealthRegistry toggle;
  private static ServerSocket dependency;

  @BeforeAll
  static void startServer() throws Exception {
    dependency = openDependency();
    main = mainRegistry();
    toggle = toggleRegistry(dependency);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext("/health", HealthHandler.of(main, DetailAccess.bearerToken(TOKEN)));
    server.createContext("/toggle/health", HealthHandler.of(toggle));
    server.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.stop(0);
    executor.shutdownNow();
    main.close();
    toggle.close();
    dependency.close();
  }

  @Override
  int port() {
    return server.getAddress().getPort();
  }

  @Override
  ServerSocket dependency() {
    return dependency;
  }

  @Test
  void postIs405() throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/health"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void aPathThatOnlySharesThePrefixIs404() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(404);
  }
}
