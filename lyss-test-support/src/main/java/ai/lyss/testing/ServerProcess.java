package ai.lyss.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus or Alertmanager for a test: loopback only, a free port, its storage and log in
 * the test's directory, ready ({@code GET /-/ready} answers 200) when {@code start} returns, always
 * killed by {@link #close()} (and by a shutdown hook if the JVM exits first). The one launcher of
 * these servers in the tree (the monitoring module's tests and the demo's use it). A missing binary
 * skips the test, or fails it under {@value RequiredTools#SWITCH}{@code =1}.
 */
public final class ServerProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final Process process;
  private final Thread killer;
  private final Path log;
  private final int port;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerProcess(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
    this.killer = new Thread(process::destroyForcibly, "kill-" + name);
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /**
   * Starts Prometheus with {@code directory/prometheus.yml}.
   *
   * @param directory the configuration's directory; also gets {@code data/} and {@code
   *     prometheus.log}
   * @return the ready server
   * @throws IOException when it cannot be started
   */
  public static ServerProcess prometheus(Path directory) throws IOException {
    Path binary = RequiredTools.binary("prometheus", "prometheus");
    int port = Net.closedPort();
    return start(
        "prometheus",
        directory,
        port,
        List.of(
            binary.toString(),
            "--config.file=" + directory.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + directory.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--log.level=warn"));
  }

  /**
   * Starts Alertmanager with {@code directory/alertmanager.yml}, clustering off.
   *
   * @param directory the configuration's directory; also gets {@code data/} and {@code
   *     alertmanager.log}
   * @return the ready server
   * @throws IOException when it cannot be started
   */
  public static ServerProcess alertmanager(Path directory) throws IOException {
    Path binary = RequiredTools.binary("prometheus-alertmanager", "prometheus-alertmanager");
    int port = Net.closedPort();
    return start(
        "alertmanager",
        directory,
        port,
        List.of(
            binary.toString(),
            "--config.file=" + directory.resolve("alertmanager.yml"),
            "--storage.path=" + directory.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--cluster.listen-address="));
  }

  private static ServerProcess start(String name, Path directory, int port, List<String> command)
      throws IOException {
    Path log = directory.resolve(name + ".log");
    Process process =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(directory.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ServerProcess server = new ServerProcess(name, process, log, port);
    try {
      Poll.until(
          name + " ready on port " + port,
          START_TIMEOUT,
          () -> server.isReady() ? Optional.of(true) : Optional.empty(),
          server::logTail);
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  private boolean isReady() {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited: " + logTail());
    }
    try {
      return get("/-/ready").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The loopback port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * An address on the server.
   *
   * @param pathAndQuery for example {@code /api/v1/alerts}
   * @return {@code http://127.0.0.1:port} plus the path
   */
  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  /**
   * Whether the process is still running.
   *
   * @return true while it runs
   */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * A GET on the server, answered whatever its status.
   *
   * @param pathAndQuery for example {@code /api/v1/query?query=up}
   * @return the response
   * @throws IOException when the server cannot be reached
   */
  public HttpResponse<String> get(String pathAndQuery) throws IOException {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).build());
  }

  /**
   * Sends a request with the server's client.
   *
   * @param request the request
   * @return the response, whatever its status
   * @throws IOException when the server cannot be reached
   */
  public HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * The last lines the server logged, for failure messages.
   *
   * @return up to 20 lines
   */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the server: a polite signal, then a kill after 10 s. */
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
