package ai.lyss.demo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL (the newest in /usr/lib/postgresql) in a temporary directory on a free
 * loopback port, with password (SCRAM) authentication; as the postgres user when the tests run as
 * root. The same approach as lyss-health's test server, kept small: the demo cannot use another
 * module's test classes.
 */
final class LocalPostgres implements AutoCloseable {

  private final Path bin;
  private final Path dir;
  private final int port;
  private final String password;

  private LocalPostgres(Path bin, Path dir, int port, String password) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.password = password;
  }

  /** Starts a server, or skips the test when PostgreSQL is not installed. */
  static LocalPostgres start(String password) throws IOException {
    Optional<Path> bin = bin();
    assumeTrue(bin.isPresent(), "PostgreSQL is not installed (/usr/lib/postgresql/*/bin)");
    Path dir = Files.createTempDirectory("lyss-demo-pg");
    Path pwfile = dir.resolve("pwfile");
    Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
    if (isRoot()) {
      run(List.of("chown", "-R", "postgres", dir.toString()), dir);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    LocalPostgres server = new LocalPostgres(bin.get(), dir, port, password);
    server.asPostgres(
        server.bin.resolve("initdb").toString(),
        "-D",
        server.data(),
        "-U",
        "postgres",
        "--pwfile=" + pwfile,
        "--auth-host=scram-sha-256",
        "--auth-local=trust",
        "-E",
        "UTF8",
        "--no-sync");
    server.asPostgres(
        server.bin.resolve("pg_ctl").toString(),
        "-D",
        server.data(),
        "-l",
        dir.resolve("server.log").toString(),
        "-w",
        "-t",
        "120",
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
        "start");
    return server;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  String user() {
    return "postgres";
  }

  String password() {
    return password;
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  private static Optional<Path> bin() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(v -> v.getFileName().toString().matches("\\d+"))
          .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private void asPostgres(String... command) throws IOException {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    run(full, dir);
  }

  private static void run(List<String> command, Path dir) throws IOException {
    Path log = Files.createTempFile(dir, "cmd-", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish in 180 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(command + " failed: " + Files.readString(log));
    }
  }

  @Override
  public void close() {
    try {
      asPostgres(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "stop");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A temp directory left behind is not worth failing the test run for.
      }
    }
  }
}
