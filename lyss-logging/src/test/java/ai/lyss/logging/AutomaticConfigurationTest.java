package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A fresh JVM whose only Logback configuration is lyss-logging's automatic one, applied while SLF4J
 * is still initialising: the output is JSON only, and AUDIT/SECURITY pass a raised level.
 */
class AutomaticConfigurationTest {

  @Test
  void automaticConfigurationWritesOnlyJsonAndKeepsAuditAndSecurityAboveTheLevel(
      @TempDir Path classes) throws Exception {
    String mainClass = AutomaticConfigurationMain.class.getName();
    Path compiled =
        Path.of(
            AutomaticConfigurationMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Path relative = Path.of(mainClass.replace('.', '/') + ".class");
    Files.createDirectories(classes.resolve(relative).getParent());
    Files.copy(compiled.resolve(relative), classes.resolve(relative));
    // The test classes (with their logback-test.xml) are replaced by the main class alone.
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).equals(compiled))
                .collect(Collectors.joining(File.pathSeparator))
            + File.pathSeparator
            + classes;
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                "-DLYSS_SERVICE_NAME=auto-service",
                "-DLYSS_LOG_LEVEL=WARN",
                mainClass)
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.lines().filter(line -> !line.isBlank()))
        .as("every line is JSON: no Logback status errors, no SLF4J replay warning")
        .allMatch(line -> line.startsWith("{"));
    List<JsonNode> lines = output.lines().map(LogCapture.JSON::readTree).toList();
    assertThat(lines)
        .extracting(line -> line.get("level").stringValue())
        .containsExactly("WARNING", "AUDIT", "SECURITY");
  }
}
