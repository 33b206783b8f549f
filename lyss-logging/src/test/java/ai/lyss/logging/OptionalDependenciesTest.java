package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OpenTelemetry, Micrometer and the Servlet API are optional: logging works without them. */
class OptionalDependenciesTest {

  @Test
  void logsJsonWithOnlyTheRequiredDependencies() throws Exception {
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.contains("opentelemetry"))
            .filter(entry -> !entry.contains("micrometer"))
            .filter(entry -> !entry.contains("jakarta.servlet"))
            .collect(Collectors.joining(File.pathSeparator));
    assertThat(System.getProperty("java.class.path"))
        .as("the optional jars are on the test class path, so removing them means something")
        .contains("opentelemetry-api", "micrometer-core", "jakarta.servlet-api");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                classPath,
                "-DLYSS_SERVICE_NAME=minimal-service",
                WithoutOptionalDependenciesMain.class.getName())
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    List<JsonNode> lines =
        output.lines().filter(line -> line.startsWith("{")).map(LogCapture.JSON::readTree).toList();
    assertThat(lines)
        .extracting(line -> line.get("level").stringValue())
        .as(output)
        .containsExactly("INFO", "AUDIT");
    assertThat(lines.get(0).get("service").stringValue()).isEqualTo("minimal-service");
    assertThat(output).doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFound");
  }
}
