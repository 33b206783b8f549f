package ai.lyss.health;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.checks.HttpHealthCheck;
import ai.lyss.health.checks.JdbcHealthCheck;
import ai.lyss.health.checks.RedisHealthCheck;
import ai.lyss.health.jdkhttp.HealthHandler;
import ai.lyss.health.micrometer.HealthMetrics;
import ai.lyss.health.servlet.HealthServlet;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The README quick start, compiled and run. */
class ReadmeExampleTest {

  @Test
  void theQuickStartBuildsAndServesLiveness() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:readme");
    DataSource dataSource = h2;
    SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    ServletContextHandler context = new ServletContextHandler();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);

    // --- README quick start ---
    HealthRegistry health =
        HealthRegistry.builder()
            .register("self", HealthCheckResult::healthy, CheckOptions.liveness())
            .register("postgres", JdbcHealthCheck.of(dataSource))
            .register(
                "redis",
                RedisHealthCheck.of(URI.create("redis://cache:6379")),
                CheckOptions.readiness().critical(false))
            .register(
                "memory-service",
                HttpHealthCheck.of(URI.create("http://memory-service:8001/health")))
            .cacheTtl(Duration.ofSeconds(2))
            .listener(HealthMetrics.create(meterRegistry)) // optional, needs Micrometer
            .build();

    // Jetty / any Servlet 6 container:
    context.addServlet(new ServletHolder(HealthServlet.of(health)), "/health/*");
    // or the JDK's HttpServer:
    server.createContext("/health", HealthHandler.of(health));
    // --- end ---

    server.start();
    try {
      HttpResponse<String> live =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + server.getAddress().getPort() + "/health/live"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(health.names()).containsExactly("self", "postgres", "redis", "memory-service");
    } finally {
      server.stop(0);
      health.close();
    }
  }
}
