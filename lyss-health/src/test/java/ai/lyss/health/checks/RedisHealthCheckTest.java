package ai.lyss.health.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.testing.HangingServer;
import ai.lyss.testing.Net;
import ai.lyss.testing.RedisServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Against a real redis-server with requirepass and an ACL user. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisHealthCheckTest {

  private static final String PASSWORD = "redis-Secret-0815";
  private static final String ACL_USER = "lyss-app";
  private static final String ACL_PASSWORD = "acl-Secret-4242";

  private static RedisServer redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start(PASSWORD, ACL_USER, ACL_PASSWORD);
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  private static URI url(String userInfo, int port) {
    return URI.create("redis://" + userInfo + "127.0.0.1:" + port);
  }

  private static void assertNoSecret(HealthCheckResult r) {
    assertThat(r.error())
        .doesNotContain(PASSWORD)
        .doesNotContain(ACL_PASSWORD)
        .doesNotContain("redis://");
  }

  @Test
  @Order(1)
  void isHealthyWithTheRequirepassPassword() {
    HealthCheckResult r = RedisHealthCheck.of(url(":" + PASSWORD + "@", redis.port())).check();

    assertThat(r.isHealthy()).as("%s", r).isTrue();
  }

  @Test
  @Order(2)
  void isHealthyWithAnAclUser() {
    HealthCheckResult r =
        RedisHealthCheck.of(url(ACL_USER + ":" + ACL_PASSWORD + "@", redis.port())).check();

    assertThat(r.isHealthy()).as("%s", r).isTrue();
  }

  @Test
  @Order(3)
  void aWrongPasswordIsUnhealthyWithACleanError() {
    HealthCheckResult r =
        RedisHealthCheck.builder("127.0.0.1", redis.port())
            .password("wrong-Pass-99")
            .build()
            .check();

    assertThat(r.error()).isEqualTo("redis authentication failed (WRONGPASS)");
  }

  @Test
  @Order(4)
  void aWrongAclPasswordIsUnhealthyWithACleanError() {
    HealthCheckResult r =
        RedisHealthCheck.of(url(ACL_USER + ":" + PASSWORD + "@", redis.port())).check();

    assertThat(r.error()).isEqualTo("redis authentication failed (WRONGPASS)");
    assertNoSecret(r);
  }

  @Test
  @Order(5)
  void noPasswordIsUnhealthyWithNoauth() {
    HealthCheckResult r = RedisHealthCheck.of(url("", redis.port())).check();

    assertThat(r.error()).isEqualTo("redis requires authentication (NOAUTH): set a password");
  }

  @Test
  @Order(6)
  void aClosedPortIsUnhealthyWithACleanError() {
    HealthCheckResult r = RedisHealthCheck.of(url(":" + PASSWORD + "@", Net.closedPort())).check();

    assertThat(r.error()).startsWith("ConnectException: Connection refused");
    assertNoSecret(r);
  }

  @Test
  @Order(7)
  void aServerThatNeverAnswersTimesOut() throws Exception {
    try (HangingServer hanging = new HangingServer()) {
      // The server never answers: the check returning at all, with this error, is the timeout.
      HealthCheckResult r =
          RedisHealthCheck.builder(url(":" + PASSWORD + "@", hanging.port()))
              .timeout(Duration.ofMillis(500))
              .build()
              .check();

      assertThat(r.error()).isEqualTo("timeout after 500 ms");
    }
  }

  @Test
  @Order(8)
  void aServerLoadingItsDatasetIsNotReady() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread fake = replyOnce(server, "-LOADING Redis is loading the dataset in memory\r\n");
      HealthCheckResult r =
          RedisHealthCheck.builder("127.0.0.1", server.getLocalPort()).build().check();
      fake.join(5000);

      assertThat(r.error()).isEqualTo("redis is loading its dataset (LOADING): not ready");
    }
  }

  @Test
  @Order(9)
  void aNonRedisServerIsUnhealthyWithoutEchoingItsReply() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread fake = replyOnce(server, "HTTP/1.1 400 Bad Request token=abc\r\n");
      HealthCheckResult r =
          RedisHealthCheck.builder("127.0.0.1", server.getLocalPort()).build().check();
      fake.join(5000);

      assertThat(r.error()).isEqualTo("unexpected reply to PING (not a Redis server?)");
    }
  }

  @Test
  @Order(10)
  void tlsToAPlainServerFailsCleanly() {
    HealthCheckResult r =
        RedisHealthCheck.builder(URI.create("rediss://:" + PASSWORD + "@127.0.0.1:" + redis.port()))
            .timeout(Duration.ofMillis(500))
            .build()
            .check();

    assertThat(r.isHealthy()).isFalse();
    assertNoSecret(r);
  }

  @Test
  @Order(11)
  void rejectsUrlsThatAreNotRedis() {
    assertThatThrownBy(() -> RedisHealthCheck.of(URI.create("http://cache:6379")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis://");
  }

  @Test
  @Order(100)
  void isUnhealthyOnceTheServerIsStopped() throws Exception {
    RedisHealthCheck check = RedisHealthCheck.of(url(":" + PASSWORD + "@", redis.port()));
    assertThat(check.check().isHealthy()).isTrue();

    redis.stop();
    HealthCheckResult r = check.check();

    assertThat(r.error()).startsWith("ConnectException: Connection refused");
    assertNoSecret(r);
  }

  /** A one-shot fake server: reads the command, writes {@code reply}, closes. */
  private static Thread replyOnce(ServerSocket server, String reply) {
    Thread t =
        new Thread(
            () -> {
              try (Socket s = server.accept()) {
                s.getInputStream().read(new byte[256]);
                OutputStream out = s.getOutputStream();
                out.write(reply.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                s.getInputStream().read(new byte[256]); // until the client closes
              } catch (IOException ignored) {
                // the client closing first is fine
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
