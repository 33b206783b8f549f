package ai.lyss.health.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.testing.HangingServer;
import ai.lyss.health.testing.TestHttpServer;
import ai.lyss.testing.Net;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpHealthCheckTest {

  private static TestHttpServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestHttpServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void resetStatus() {
    server.status(200);
  }

  @Test
  void isHealthyOn200() throws Exception {
    HealthCheckResult r = HttpHealthCheck.of(server.uri("/health")).check();

    assertThat(r.isHealthy()).isTrue();
    assertThat(r.details()).isEmpty();
  }

  @Test
  void isUnhealthyOnAnotherStatus() throws Exception {
    server.status(503);

    HealthCheckResult r = HttpHealthCheck.of(server.uri("/health")).check();

    assertThat(r.error()).isEqualTo("HTTP 503");
  }

  @Test
  void isUnhealthyWhenThePortIsClosed() throws Exception {
    HealthCheckResult r =
        HttpHealthCheck.of(URI.create("http://127.0.0.1:" + Net.closedPort() + "/health")).check();

    assertThat(r.error()).startsWith("ConnectException");
  }

  @Test
  void aServerThatNeverRepliesTimesOutWithinTheTimeout() throws Exception {
    try (HangingServer hanging = new HangingServer()) {
      // The server never answers: the check returning at all, with this error, is the timeout.
      HealthCheckResult r =
          HttpHealthCheck.builder(URI.create("http://127.0.0.1:" + hanging.port() + "/health"))
              .timeout(Duration.ofMillis(500))
              .build()
              .check();

      assertThat(r.error()).isEqualTo("timeout after 500 ms");
    }
  }

  @Test
  void aHugeBodyIsCutAtTheCap() throws Exception {
    HealthCheckResult r =
        HttpHealthCheck.builder(server.uri("/big")).maxBodyBytes(1024).build().check();

    assertThat(r.isHealthy()).isTrue();
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicAuthAndNeverShown() throws Exception {
    server.status(401);
    URI url = URI.create("http://probe:pa55-Word-77@127.0.0.1:" + server.port() + "/health");

    HealthCheckResult r = HttpHealthCheck.of(url).check();

    String expected =
        Base64.getEncoder().encodeToString("probe:pa55-Word-77".getBytes(StandardCharsets.UTF_8));
    assertThat(server.lastAuthorization()).isEqualTo("Basic " + expected);
    assertThat(r.error()).isEqualTo("HTTP 401");
  }

  @Test
  void aBearerTokenHeaderNeverAppearsInErrors() throws Exception {
    String token = "tok-abcdefghijklmnop";
    HealthCheckResult r =
        HttpHealthCheck.builder(URI.create("http://127.0.0.1:" + Net.closedPort() + "/health"))
            .header("Authorization", "Bearer " + token)
            .build()
            .check();

    assertThat(r.isHealthy()).isFalse();
    assertThat(r.error()).doesNotContain(token);
  }

  @Test
  void rejectsANonHttpUrlAtStartUp() {
    assertThatThrownBy(() -> HttpHealthCheck.of(URI.create("ftp://host/health")))
        .hasMessageContaining("http:// or https://");
  }
}
