package ai.lyss.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server on a free loopback port with {@code requirepass} and one ACL user, started
 * for one test class.
 */
public final class RedisServer implements AutoCloseable {

  private final Process process;
  private final Path dir;
  private final int port;

  private RedisServer(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /**
   * Starts redis-server, or skips the test class when it is not installed.
   *
   * @param password the default user's password ({@code requirepass})
   * @param aclUser an extra ACL user
   * @param aclPassword its password
   * @return the running server
   * @throws IOException when it cannot be started
   */
  public static RedisServer start(String password, String aclUser, String aclPassword)
      throws IOException {
    int port = Net.closedPort();
    return start(
        port,
        List.of(
            "--port",
            Integer.toString(port),
            "--requirepass",
            password,
            "--user",
            aclUser,
            "on",
            ">" + aclPassword,
            "~*",
            "&*",
            "+@all"));
  }

  /**
   * Starts redis-server speaking only TLS, with {@code requirepass}.
   *
   * @param password the default user's password
   * @param cert PEM certificate (also used as the CA)
   * @param key PEM private key
   * @return the running server
   * @throws IOException when it cannot be started
   */
  public static RedisServer startTls(String password, Path cert, Path key) throws IOException {
    int port = Net.closedPort();
    return start(
        port,
        List.of(
            "--port",
            "0",
            "--tls-port",
            Integer.toString(port),
            "--tls-cert-file",
            cert.toString(),
            "--tls-key-file",
            key.toString(),
            "--tls-ca-cert-file",
            cert.toString(),
            "--tls-auth-clients",
            "no",
            "--requirepass",
            password));
  }

  private static RedisServer start(int port, List<String> args) throws IOException {
    Path binary = RequiredTools.binary("redis-server", "redis-server");
    Path dir = Files.createTempDirectory("lyss-redis");
    List<String> command = new java.util.ArrayList<>();
    command.addAll(
        List.of(
            binary.toString(),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            dir.toString()));
    command.addAll(args);
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    RedisServer server = new RedisServer(p, dir, port);
    try {
      Poll.until(
          "redis-server to accept connections",
          Duration.ofSeconds(30),
          () -> {
            if (!p.isAlive()) {
              throw new AssertionError("redis-server exited: " + server.log());
            }
            return Net.accepting(port);
          });
    } catch (RuntimeException | AssertionError e) {
      server.close();
      throw e;
    }
    return server;
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
   * Stops the server (simulates an outage).
   *
   * @throws InterruptedException when interrupted while waiting for it to exit
   */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
  }

  String log() {
    try {
      return Files.readString(dir.resolve("redis.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the server and deletes its directory. */
  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      Processes.deleteTree(dir);
    }
  }
}
