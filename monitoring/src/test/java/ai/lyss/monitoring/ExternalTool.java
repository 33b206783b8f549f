package ai.lyss.monitoring;

import static org.assertj.core.api.Assertions.fail;

import ai.lyss.testing.RequiredTools;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Prometheus and Alertmanager command-line tools the tests drive. A missing binary skips the
 * test with a message saying which Debian package provides it, so the build passes on a machine
 * with only a JDK; CI's {@code .ci/run} installs them and sets {@code LYSS_REQUIRE_TEST_SERVERS=1},
 * which makes a missing binary a failure.
 */
enum ExternalTool {
  PROMTOOL("promtool", "prometheus"),
  PROMETHEUS("prometheus", "prometheus"),
  AMTOOL("amtool", "prometheus-alertmanager");

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String binary;
  private final String debianPackage;

  ExternalTool(String binary, String debianPackage) {
    this.binary = binary;
    this.debianPackage = debianPackage;
  }

  /**
   * The binary's path; skips the calling test when it is not on the PATH, or fails it when {@code
   * LYSS_REQUIRE_TEST_SERVERS=1} (see {@link RequiredTools}).
   */
  Path require() {
    return RequiredTools.binary(binary, debianPackage);
  }

  /**
   * Runs the tool to completion (at most 60 s) in {@code workingDirectory}.
   *
   * @param arguments the arguments after the binary
   */
  Result run(Path workingDirectory, String... arguments) {
    Path executable = require();
    try {
      Path stdout = Files.createTempFile("lyss-" + binary, ".out");
      Path stderr = Files.createTempFile("lyss-" + binary, ".err");
      try {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(arguments));
        Process process =
            new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          fail("%s %s did not finish within %s", binary, command, TIMEOUT);
        }
        return new Result(
            process.exitValue(),
            Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + binary, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + binary, e);
    }
  }

  /** What a finished tool printed and returned. */
  record Result(int exitCode, String stdout, String stderr) {

    /** Both streams, for assertion messages. */
    String output() {
      return stdout + stderr;
    }
  }
}
