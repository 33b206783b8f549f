package ai.lyss.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The configuration files under test, and their parsed trees. */
final class MonitoringFiles {

  /** The monitoring/ directory (the module's base directory). */
  static final Path MODULE = moduleDirectory();

  static final Path PROMETHEUS_DIR = MODULE.resolve("prometheus");
  static final Path PROMETHEUS_CONFIG = PROMETHEUS_DIR.resolve("prometheus.yml");
  static final Path PROMETHEUS_LOCAL_CONFIG = PROMETHEUS_DIR.resolve("prometheus-local.yml");
  static final Path PROMETHEUS_KUBERNETES_CONFIG =
      PROMETHEUS_DIR.resolve("prometheus-kubernetes.yml");
  static final Path ALERT_RULES = PROMETHEUS_DIR.resolve("rules/alerts.yml");
  static final Path SLO_RULES = PROMETHEUS_DIR.resolve("rules/slo.yml");
  static final Path ALERT_RULE_TESTS = PROMETHEUS_DIR.resolve("tests/alerts_test.yml");
  static final Path SLO_RULE_TESTS = PROMETHEUS_DIR.resolve("tests/slo_test.yml");
  static final Path SPEND_RULES = PROMETHEUS_DIR.resolve("rules/spend.yml");
  static final Path SPEND_RULE_TESTS = PROMETHEUS_DIR.resolve("tests/spend_test.yml");

  /** Every promtool unit-test file of the rules. */
  static final List<Path> RULE_TESTS = List.of(ALERT_RULE_TESTS, SLO_RULE_TESTS, SPEND_RULE_TESTS);

  static final Path ALERTMANAGER_DIR = MODULE.resolve("alertmanager");
  static final Path ALERTMANAGER_CONFIG = ALERTMANAGER_DIR.resolve("alertmanager.yml");
  static final Path SECRETS_README = ALERTMANAGER_DIR.resolve("secrets/README");
  static final Path DASHBOARD = MODULE.resolve("grafana/lyss-overview.json");
  static final Path RUNBOOK = MODULE.resolve("../docs/monitoring.md").normalize();

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new JsonMapper();

  private MonitoringFiles() {}

  /** Parses a YAML file. */
  static JsonNode yaml(Path file) {
    return YAML.readTree(read(file));
  }

  /** Parses YAML text. */
  static JsonNode yamlOf(String text) {
    return YAML.readTree(text);
  }

  /** Parses a JSON file. */
  static JsonNode json(Path file) {
    return JSON.readTree(read(file));
  }

  /** Writes a tree as YAML. */
  static void writeYaml(Path file, JsonNode tree) {
    write(file, YAML.writeValueAsString(tree));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path moduleDirectory() {
    // Surefire sets basedir; an IDE usually runs tests in the module directory.
    String basedir = System.getProperty("basedir");
    Path directory = Path.of(basedir == null ? "" : basedir).toAbsolutePath();
    if (!Files.isDirectory(directory.resolve("prometheus"))) {
      throw new IllegalStateException(
          "Run the monitoring tests from the monitoring/ module directory, not " + directory);
    }
    return directory;
  }
}
