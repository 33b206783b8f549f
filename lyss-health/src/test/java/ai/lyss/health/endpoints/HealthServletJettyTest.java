package ai.lyss.health.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.DetailAccess;
import ai.lyss.health.HealthRegistry;
import ai.lyss.health.servlet.HealthServlet;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link HealthServlet} in a real Jetty 12 (ee10) server. */
class HealthServletJettyTest extends HealthEndpointContract {

  private static Server jetty;
  private static HealthRegistry main;
  private static HealthRegistry toggle;
  private static ServerSocket dependency;

  @BeforeAll
  static void startJetty() throws Exception {
    dependency = openDependency();
    main = mainRegistry();
    toggle = toggleRegistry(dependency);
    jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(
        new ServletHolder(HealthServlet.of(main, DetailAccess.bearerToken(TOKEN))), "/health/*");
    context.addServlet(new ServletHolder(HealthServlet.of(toggle)), "/toggle/health/*");
    jetty.setHandler(context);
    jetty.start();
  }

  @AfterAll
  static void stopJetty() throws Exception {
    jetty.stop();
    main.close();
    toggle.close();
    dependency.close();
  }

  @Override
  int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  @Override
  ServerSocket dependency() {
    return dependency;
  }

  @Test
  void headAnswersTheStatusWithoutABody() throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/health/live"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
  }
}
