package ai.lyss.monitoring;

import static ai.lyss.monitoring.ExternalTool.PROMETHEUS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus server for a test: loopback only, a free port, its storage in a temporary
 * directory, always killed by {@link #close()} (and by a shutdown hook if the JVM exits first).
 */
final class PrometheusServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Thread killer;
  private final Path log;
  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PrometheusServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.base = URI.create("http://127.0.0.1:" + port);
    this.killer = new Thread(process::destroyForcibly, "kill-prometheus");
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /** Starts Prometheus with {@code directory/prometheus.yml} and waits until it is ready. */
  static PrometheusServer start(Path directory) throws IOException {
    Path executable = PROMETHEUS.require();
    int port = freePort();
    Path log = directory.resolve("prometheus.log");
    Process process =
        new ProcessBuilder(
                executable.toString(),
                "--config.file=" + directory.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .directory(directory.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    PrometheusServer server = new PrometheusServer(process, log, port);
    try {
      PollUntil.poll(
          "Prometheus ready on port " + port,
          START_TIMEOUT,
          () -> server.isReady() ? Optional.of(true) : Optional.empty(),
          server::logTail);
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** A loopback port nothing listens on at the moment. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private boolean isReady() {
    if (!process.isAlive()) {
      throw new IllegalStateException("Prometheus exited: " + logTail());
    }
    try {
      return get("/-/ready").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
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
      HttpResponse<String> response =
          get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
      return JsonMapper.shared().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode data(String path) {
    try {
      JsonNode body = JsonMapper.shared().readTree(get(path).body());
      if (!body.path("status").asString().equals("success")) {
        throw new IllegalStateException(path + " answered " + body);
      }
      return body.get("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The last lines Prometheus logged, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs anyway.
    }
  }
}
