package ai.lyss.monitoring;

import ai.lyss.testing.Net;
import ai.lyss.testing.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Prometheus HTTP API the rule tests read, over a real server started by lyss-test-support's
 * {@link ServerProcess}.
 */
final class PrometheusServer implements AutoCloseable {

  private final ServerProcess server;

  private PrometheusServer(ServerProcess server) {
    this.server = server;
  }

  /** Starts Prometheus with {@code directory/prometheus.yml} and waits until it is ready. */
  static PrometheusServer start(Path directory) throws IOException {
    return new PrometheusServer(ServerProcess.prometheus(directory));
  }

  /** A loopback port nothing listens on at the moment. */
  static int freePort() {
    return Net.closedPort();
  }

  /** The {@code data.alerts} array of {@code /api/v1/alerts}. */
  List<JsonNode> alerts() {
    return data("/api/v1/alerts").get("alerts").values().stream().toList();
  }

  /** The {@code data.activeTargets} array of {@code /api/v1/targets}. */
  List<JsonNode> activeTargets() {
    return data("/api/v1/targets").get("activeTargets").values().stream().toList();
  }

  /** Runs an instant query; the whole response, status included (errors are not thrown). */
  JsonNode query(String promql) {
    try {
      return JsonMapper.shared()
          .readTree(
              server
                  .get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                  .body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode data(String path) {
    try {
      JsonNode body = JsonMapper.shared().readTree(server.get(path).body());
      if (!body.path("status").asString().equals("success")) {
        throw new IllegalStateException(path + " answered " + body);
      }
      return body.get("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines Prometheus logged, for failure messages. */
  String logTail() {
    return server.logTail();
  }

  @Override
  public void close() {
    server.close();
  }
}
