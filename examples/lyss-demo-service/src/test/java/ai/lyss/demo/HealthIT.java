package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import ai.lyss.testing.RequiredTools;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The health endpoints: format, liveness versus readiness, and a configured dependency down. */
class HealthIT {

  private static List<String> names(JsonNode report) {
    List<String> names = new ArrayList<>();
    report.get("services").forEach(s -> names.add(s.get("service").asString()));
    return names;
  }

  private static JsonNode service(JsonNode report, String name) {
    for (JsonNode s : report.get("services")) {
      if (s.get("service").asString().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no " + name + " in " + report);
  }

  @Test
  void healthyReportHasTheDesignFormatAndNoStore() {
    try (DemoProcess demo = DemoProcess.start(List.of(), Map.of())) {
      HttpResponse<String> response = demo.get("/health");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
      JsonNode report = ApiEndpointsIT.json(response);
      assertThat(report.get("overall_status").asString()).isEqualTo("healthy");
      assertThat(report.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(names(report)).containsExactlyInAnyOrder("http-workers", "model-provider");
      JsonNode provider = service(report, "model-provider");
      assertThat(provider.get("status").asString()).isEqualTo("healthy");
      assertThat(provider.get("response_time").isNumber()).isTrue();
    }
  }

  @Test
  void redisDownMakesReadinessAndTheReport503ButNotLiveness() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "redis://:s3cret-pass@127.0.0.1:" + closedPort;
    try (DemoProcess demo = DemoProcess.start(List.of(), Map.of("LYSS_REDIS_URL", url))) {
      HttpResponse<String> health = demo.get("/health");
      HttpResponse<String> ready = demo.get("/health/ready");
      HttpResponse<String> live = demo.get("/health/live");

      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(live.statusCode()).isEqualTo(200);
      JsonNode report = ApiEndpointsIT.json(health);
      assertThat(report.get("overall_status").asString()).isEqualTo("unhealthy");
      assertThat(service(report, "redis").get("status").asString()).isEqualTo("unhealthy");
      assertThat(names(ApiEndpointsIT.json(live))).doesNotContain("redis");
      assertThat(health.body()).doesNotContain("s3cret-pass");
    }
  }

  @Test
  void postgresDownMakesTheReport503() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url =
        "jdbc:postgresql://127.0.0.1:" + closedPort + "/lyss?user=lyss&password=pg-secret-1";
    try (DemoProcess demo = DemoProcess.start(List.of("--postgres-url", url), Map.of())) {
      HttpResponse<String> health = demo.get("/health");

      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(service(ApiEndpointsIT.json(health), "postgres").get("status").asString())
          .isEqualTo("unhealthy");
      assertThat(health.body()).doesNotContain("pg-secret-1");
    }
  }

  @Test
  void aRunningRedisIsReportedHealthy() throws Exception {
    Path redisServer = RequiredTools.binary("redis-server", "redis-server");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Process redis =
        new ProcessBuilder(
                redisServer.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      Poll.until("redis to accept connections", Duration.ofSeconds(30), () -> accepts(port));
      try (DemoProcess demo =
          DemoProcess.start(List.of("--redis-url", "redis://127.0.0.1:" + port), Map.of())) {
        HttpResponse<String> health = demo.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(service(ApiEndpointsIT.json(health), "redis").get("status").asString())
            .isEqualTo("healthy");
      }
    } finally {
      redis.destroy();
      redis.waitFor();
    }
  }

  @Test
  void malformedPostgresUrlStopsStartUpNamingTheSetting() {
    DemoProcess demo =
        DemoProcess.launch(List.of(), Map.of("LYSS_POSTGRES_URL", "postgres://db:5432/lyss"));

    assertThat(demo.awaitExit()).isEqualTo(2);
    assertThat(String.join("\n", demo.stderr())).contains("LYSS_POSTGRES_URL").contains("jdbc:");
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return s.isConnected();
    } catch (IOException e) {
      return false;
    }
  }
}
