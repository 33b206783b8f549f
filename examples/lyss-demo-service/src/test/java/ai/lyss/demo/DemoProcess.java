package ai.lyss.demo;

import ai.lyss.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built demo jar running as a real process on a free loopback port, with its stdout and stderr
 * captured line by line and a small HTTP client to drive it.
 */
final class DemoProcess implements AutoCloseable {

  static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:/\\s]+:(\\d+)");

  private final Process process;
  private final Path stdoutFile;
  private final Path stderrFile;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final long startedNanos;
  private volatile int port = -1;

  private DemoProcess(List<String> command, Map<String, String> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("LYSS_") || k.startsWith("OTEL_"));
    builder.environment().putAll(env);
    // Files, not pipes: a pipe's unread tail is lost when the process exits (JDK closes it).
    Path dir = Path.of(System.getProperty("demo.output.dir", System.getProperty("java.io.tmpdir")));
    Files.createDirectories(dir);
    stdoutFile = Files.createTempFile(dir, "demo-", ".stdout");
    stderrFile = Files.createTempFile(dir, "demo-", ".stderr");
    builder.redirectOutput(stdoutFile.toFile());
    builder.redirectError(stderrFile.toFile());
    startedNanos = System.nanoTime();
    process = builder.start();
  }

  /** Starts the jar with {@code --port 0} and the given extra arguments, and waits until ready. */
  static DemoProcess start(List<String> args, Map<String, String> env) {
    DemoProcess demo = launch(args, env);
    demo.awaitListening();
    return demo;
  }

  /** Starts the jar without waiting for it to listen (for start-up failure tests). */
  static DemoProcess launch(List<String> args, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(jar().toString());
    if (!args.contains("--port")) {
      command.add("--port");
      command.add("0");
    }
    command.addAll(args);
    try {
      return new DemoProcess(command, env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path jar() {
    String path = System.getProperty("demo.jar");
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      throw new IllegalStateException(
          "demo.jar (" + path + ") is missing: run the tests with ./mvnw verify, after package");
    }
    return Path.of(path);
  }

  private void awaitListening() {
    Poll.until(
        "the demo to log its listening address",
        START_TIMEOUT,
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(
                "demo exited with " + process.exitValue() + ": " + stdout() + " " + stderr());
          }
          for (String line : stdout()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
              port = Integer.parseInt(m.group(1));
              return true;
            }
          }
          return false;
        });
  }

  int port() {
    return port;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Nanoseconds from process start to now. */
  long nanosSinceStart() {
    return System.nanoTime() - startedNanos;
  }

  long pid() {
    return process.pid();
  }

  /** The complete lines the process has written to stdout so far. */
  List<String> stdout() {
    return lines(stdoutFile);
  }

  /**
   * Waits until the stdout lines written so far satisfy {@code condition}, and returns them: the
   * demo logs asynchronously, so a line can appear after the response or the start-up it follows.
   */
  List<String> awaitStdout(String what, Predicate<List<String>> condition) {
    Poll.until(what, Duration.ofSeconds(60), () -> condition.test(stdout()));
    return stdout();
  }

  /** The complete lines the process has written to stderr so far. */
  List<String> stderr() {
    return lines(stderrFile);
  }

  private static List<String> lines(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
  }

  HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  HttpResponse<String> post(String path, String body, String... headers) {
    return send("POST", path, body, headers);
  }

  HttpResponse<String> delete(String path, String... headers) {
    return send("DELETE", path, null, headers);
  }

  /** Sends a request; {@code headers} alternate name and value. */
  HttpResponse<String> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends SIGTERM and waits for the exit code. */
  int terminate() {
    process.destroy();
    return awaitExit();
  }

  int awaitExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("demo did not exit within 60 s of SIGTERM");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
