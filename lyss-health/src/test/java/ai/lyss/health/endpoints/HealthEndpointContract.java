package ai.lyss.health.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.CheckOptions;
import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.HealthRegistry;
import ai.lyss.health.checks.TcpHealthCheck;
import ai.lyss.testing.Net;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The behaviour both HTTP adapters must show, run against a real server by each subclass. The
 * server mounts {@link #main} on {@code /health} (detail token {@link #TOKEN}) and {@link #toggle}
 * on {@code /toggle/health}.
 */
abstract class HealthEndpointContract {

  static final String TOKEN = "detail-token-0123456789";
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Liveness "self" healthy; readiness "postgres" down (closed port). */
  static HealthRegistry mainRegistry() {
    return HealthRegistry.builder()
        .register("self", HealthCheckResult::healthy, CheckOptions.liveness())
        .register("postgres", TcpHealthCheck.of("127.0.0.1", Net.closedPort()))
        .build();
  }

  /** Liveness "self"; readiness "db" on {@code dependency}, which a test closes. */
  static HealthRegistry toggleRegistry(ServerSocket dependency) {
    return HealthRegistry.builder()
        .register("self", HealthCheckResult::healthy, CheckOptions.liveness())
        .register("db", TcpHealthCheck.of("127.0.0.1", dependency.getLocalPort()))
        .build();
  }

  static ServerSocket openDependency() throws IOException {
    return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  abstract int port();

  abstract ServerSocket dependency();

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
            .timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) {
    return JsonMapper.builder().build().readTree(r.body());
  }

  @Test
  void livenessIs200WhileADependencyIsDown() throws Exception {
    HttpResponse<String> r = get("/health/live");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("overall_status").asString()).isEqualTo("healthy");
    assertThat(json(r).get("services")).hasSize(1);
  }

  @Test
  void readinessIs503WhileADependencyIsDown() throws Exception {
    HttpResponse<String> r = get("/health/ready");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(json(r).get("overall_status").asString()).isEqualTo("unhealthy");
  }

  @Test
  void healthIs503AndListsEveryCheck() throws Exception {
    HttpResponse<String> r = get("/health");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(json(r).get("services").findValuesAsString("service"))
        .containsExactly("self", "postgres");
  }

  @Test
  void responsesAreJsonAndNeverCached() throws Exception {
    HttpResponse<String> r = get("/health/ready");

    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void anonymousCallersSeeOnlyAGenericError() throws Exception {
    HttpResponse<String> r = get("/health/ready");

    assertThat(json(r).get("services").get(1).get("error").asString()).isEqualTo("check failed");
    assertThat(r.body()).doesNotContain("Connection refused").doesNotContain("127.0.0.1");
  }

  @Test
  void authorisedCallersSeeTheRealError() throws Exception {
    HttpResponse<String> r = get("/health/ready", "Authorization", "Bearer " + TOKEN);

    assertThat(json(r).get("services").get(1).get("error").asString())
        .startsWith("ConnectException: Connection refused");
  }

  @Test
  void aWrongTokenSeesOnlyAGenericError() throws Exception {
    HttpResponse<String> r = get("/health/ready", "Authorization", "Bearer not-the-token-000000");

    assertThat(json(r).get("services").get(1).get("error").asString()).isEqualTo("check failed");
  }

  @Test
  void anUnknownSubPathIs404() throws Exception {
    assertThat(get("/health/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void readinessTurns503WhenTheDependencyGoesDownWhileLivenessStays200() throws Exception {
    assertThat(get("/toggle/health/ready").statusCode()).isEqualTo(200);

    dependency().close();

    assertThat(get("/toggle/health/ready").statusCode()).isEqualTo(503);
    assertThat(get("/toggle/health/live").statusCode()).isEqualTo(200);
  }
}
