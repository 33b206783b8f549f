package ai.lyss.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (the newest installed) on a free loopback port, with password (SCRAM)
 * authentication, started for one test class. Runs as the postgres user when the tests run as root.
 * The one PostgreSQL launcher of the tree (lyss-health, lyss-tracing and the demo use it).
 */
public final class PostgresServer implements AutoCloseable {

  /** The newest installed /usr/lib/postgresql/N/bin (15 on Debian 12). */
  public static final Path BIN = findBin();

  private static Path findBin() {
    Path root = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(v -> v.getFileName().toString().matches("\\d+"))
          .max((a, b) -> Integer.compare(version(a), version(b)))
          .map(v -> v.resolve("bin"))
          .orElse(root.resolve("15/bin"));
    } catch (IOException e) {
      return root.resolve("15/bin");
    }
  }

  private static int version(Path dir) {
    return Integer.parseInt(dir.getFileName().toString());
  }

  private final Path dir;
  private final Path data;
  private final int port;
  private final String user;
  private final String password;
  private boolean running;

  private PostgresServer(Path dir, int port, String user, String password) {
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
    this.user = user;
    this.password = password;
  }

  /**
   * Starts a server, or skips the test class when PostgreSQL is not installed.
   *
   * @param user the superuser to create
   * @param password its password (SCRAM over TCP; local socket connections are trusted)
   * @return the running server
   * @throws IOException when initdb or pg_ctl fails
   */
  public static PostgresServer start(String user, String password) throws IOException {
    RequiredTools.available(
        Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl")),
        "PostgreSQL is not installed (" + BIN + ")",
        "apt-get install postgresql");
    if (Processes.isRoot()) {
      RequiredTools.binary(
          "runuser", "util-linux", Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser"));
    }
    Path dir = Files.createTempDirectory("lyss-pg");
    Path pwfile = dir.resolve("pwfile");
    Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
    if (Processes.isRoot()) {
      UserPrincipal pg =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, pg);
      Files.setOwner(pwfile, pg);
    }
    PostgresServer server = new PostgresServer(dir, Net.closedPort(), user, password);
    Processes.run(
        "postgres",
        List.of(
            BIN.resolve("initdb").toString(),
            "-D",
            server.data.toString(),
            "-U",
            user,
            "--pwfile=" + pwfile,
            "--auth-host=scram-sha-256",
            "--auth-local=trust",
            "-E",
            "UTF8",
            "--no-sync"),
        180);
    server.startServer();
    return server;
  }

  private void pgCtl(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D"));
    command.add(data.toString());
    command.addAll(List.of(arguments));
    Processes.run("postgres", command, 180);
  }

  private void startServer() throws IOException {
    pgCtl(
        "-l",
        dir.resolve("server.log").toString(),
        "-w",
        "-t",
        "120",
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
        "start");
    running = true;
  }

  /**
   * The loopback port.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * The superuser.
   *
   * @return its name
   */
  public String user() {
    return user;
  }

  /**
   * The superuser's password.
   *
   * @return the password
   */
  public String password() {
    return password;
  }

  /**
   * The JDBC URL of the {@code postgres} database.
   *
   * @return {@code jdbc:postgresql://127.0.0.1:port/postgres}
   */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /**
   * Stops the server immediately (simulates an outage).
   *
   * @throws IOException when pg_ctl fails
   */
  public void stop() throws IOException {
    if (running) {
      running = false;
      pgCtl("-m", "immediate", "-w", "stop");
    }
  }

  /** Stops the server and deletes its directory. */
  @Override
  public void close() {
    try {
      stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Processes.deleteTree(dir);
    }
  }

  /**
   * The server log, for diagnosing failures.
   *
   * @return its lines
   * @throws IOException when it cannot be read
   */
  public String log() throws IOException {
    Path log = dir.resolve("server.log");
    try (Stream<String> lines = Files.exists(log) ? Files.lines(log) : Stream.empty()) {
      return String.join("\n", lines.toList());
    }
  }
}
