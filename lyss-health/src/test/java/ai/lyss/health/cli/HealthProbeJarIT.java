package ai.lyss.health.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.testing.TestHttpServer;
import ai.lyss.testing.Net;
import ai.lyss.testing.RequiredTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built {@code lyss-health-<version>-cli.jar} run as a real {@code java -jar} process. */
class HealthProbeJarIT {

  private static Path jar;
  private static TestHttpServer http;

  @BeforeAll
  static void findJar() throws IOException {
    String property = System.getProperty("lyss.health.cliJar");
    RequiredTools.available(
        property != null && Files.isRegularFile(Path.of(property)),
        "the CLI jar is not built (" + property + ")",
        "run ./mvnw -pl lyss-health -am verify");
    jar = Path.of(property);
    http = new TestHttpServer();
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.close();
    }
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result javaJar(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("probe", ".out");
    Path err = Files.createTempFile("probe", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("probe did not finish within 60 s");
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void aHealthyServiceExits0AndPrintsTheReportJson() throws Exception {
    Result r = javaJar(Map.of(), "api-gateway=" + http.uri("/health"));

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("{\"overall_status\":\"healthy\"")
        .contains("\"service\":\"api-gateway\",\"status\":\"healthy\"");
  }

  @Test
  void anUnreachablePostgresExits1ThroughTheBundledDriverWithoutItsPassword() throws Exception {
    Result r =
        javaJar(
            Map.of("PGPASSWORD_FOR_PROBE", "jar-Pg-Secret-5150"),
            "--timeout",
            "2s",
            "--password-env",
            "postgres=PGPASSWORD_FOR_PROBE",
            "postgresql://lyss@127.0.0.1:" + Net.closedPort() + "/lyss");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    // PSQLException, not "No suitable driver": the driver is inside the jar.
    assertThat(r.out()).contains("\"error\":\"PSQLException: Connection to 127.0.0.1:");
    assertThat(r.out() + r.err()).doesNotContain("jar-Pg-Secret-5150");
  }

  @Test
  void badUsageExits2WithAMessageOnStandardError() throws Exception {
    Result r = javaJar(Map.of(), "--no-such-option");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown option --no-such-option");
    assertThat(r.out()).isEmpty();
  }
}
