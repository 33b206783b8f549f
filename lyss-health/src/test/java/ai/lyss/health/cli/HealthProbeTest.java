package ai.lyss.health.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.testing.HangingServer;
import ai.lyss.health.testing.TestHttpServer;
import ai.lyss.testing.Net;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process: HTTP and TCP targets, usage errors. */
class HealthProbeTest {

  private static TestHttpServer http;

  @BeforeAll
  static void start() throws Exception {
    http = new TestHttpServer();
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @Test
  void aHealthyHttpTargetExits0AndPrintsTheReport() {
    ProbeRun run = ProbeRun.run("api-gateway=" + http.uri("/health"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.json().get("overall_status").asString()).isEqualTo("healthy");
    assertThat(run.status("api-gateway")).isEqualTo("healthy");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anUnnamedTargetIsNamedAfterItsHost() {
    ProbeRun run = ProbeRun.run(http.uri("/health").toString());

    assertThat(run.status("127.0.0.1")).isEqualTo("healthy");
  }

  @Test
  void aClosedTcpPortExits1() {
    ProbeRun run = ProbeRun.run("tcp://127.0.0.1:" + Net.closedPort());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("overall_status").asString()).isEqualTo("unhealthy");
  }

  @Test
  void anUnhealthyServiceAmongHealthyOnesExits1AndAllAreReported() throws Exception {
    try (TestHttpServer failing = new TestHttpServer()) {
      failing.status(503);
      ProbeRun run =
          ProbeRun.run("ok=" + http.uri("/health"), "memory-service=" + failing.uri("/health"));

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.status("ok")).isEqualTo("healthy");
      assertThat(run.error("memory-service")).isEqualTo("HTTP 503");
    }
  }

  @Test
  void aHangingTargetIsCutAtTheTimeoutAndOthersAreStillReported() throws Exception {
    try (HangingServer hanging = new HangingServer()) {
      // The hung target never answers: the probe finishing at all, with this error, is the timeout.
      ProbeRun run =
          ProbeRun.run(
              "--timeout",
              "500ms",
              "hung=http://127.0.0.1:" + hanging.port() + "/health",
              "ok=" + http.uri("/health"));

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.error("hung")).isEqualTo("timeout after 500 ms");
      assertThat(run.status("ok")).isEqualTo("healthy");
    }
  }

  @Test
  void targetsComeFromAConfigFile(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("targets.conf");
    Files.writeString(
        config,
        "# services of the platform\n\napi-gateway="
            + http.uri("/health")
            + "\n  \n"
            + "port=tcp://127.0.0.1:"
            + http.port()
            + "\n");

    ProbeRun run = ProbeRun.run("--config", config.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.json().get("services")).hasSize(2);
  }

  @Test
  void placeholdersAreFilledFromTheEnvironment() {
    ProbeRun run =
        ProbeRun.run(
            Map.of("GW_PORT", Integer.toString(http.port())),
            "gw=http://127.0.0.1:${GW_PORT}/health");

    assertThat(run.exitCode()).isZero();
  }

  @Test
  void helpExits0WithUsage() {
    ProbeRun run = ProbeRun.run("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage:").contains("--password-env");
  }

  @Test
  void noTargetsIsBadUsage() {
    ProbeRun run = ProbeRun.run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no targets");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownOptionIsBadUsage() {
    assertThat(ProbeRun.run("--verbose", "tcp://x:1").exitCode()).isEqualTo(2);
  }

  @Test
  void anUnsupportedSchemeIsBadUsageWithoutEchoingCredentials() {
    ProbeRun run = ProbeRun.run("ftp://admin:ftp-Secret-1@files:21/");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unsupported scheme ftp").doesNotContain("ftp-Secret-1");
  }

  @Test
  void aBadDurationIsBadUsage() {
    ProbeRun run = ProbeRun.run("--timeout", "soon", "tcp://x:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--timeout");
  }

  @Test
  void aMissingEnvironmentVariableIsBadUsageNamingIt() {
    ProbeRun run = ProbeRun.run("redis://:${REDIS_PASSWORD}@cache:6379");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("REDIS_PASSWORD is not set");
  }

  @Test
  void twoTargetsWithTheSameNameAreBadUsage() {
    ProbeRun run = ProbeRun.run("tcp://a:1", "a=tcp://b:2", "a=tcp://c:3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("named 'a'");
  }

  @Test
  void aTcpTargetWithoutPortIsBadUsage() {
    assertThat(ProbeRun.run("tcp://db").exitCode()).isEqualTo(2);
  }

  @Test
  void aMissingConfigFileIsBadUsage() {
    ProbeRun run = ProbeRun.run("--config", "/nonexistent/targets.conf");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("config file not found");
  }

  @Test
  void passwordEnvForAnUnknownTargetIsBadUsage() {
    ProbeRun run =
        ProbeRun.run(Map.of("X", "y"), "--password-env", "nosuch=X", "tcp://127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("names no target");
  }
}
