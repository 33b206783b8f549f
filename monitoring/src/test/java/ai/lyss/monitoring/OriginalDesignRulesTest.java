package ai.lyss.monitoring;

import static ai.lyss.monitoring.ExternalTool.PROMTOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The unit tests tell a corrected rule from the original design's: with the original expression put
 * back (labels and annotations unchanged), tests/alerts_test.yml fails for that alert.
 */
class OriginalDesignRulesTest {

  @TempDir Path directory;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HighAPILatency | histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m]))"
            + " > 0.2",
        "HighErrorRate | rate(http_requests_total{status=~\"5..\"}[5m]) /"
            + " rate(http_requests_total[5m]) > 0.01",
        "DatabaseConnectionHigh | active_connections > 80",
        "AIModelFailures | rate(ai_model_requests_total{status=\"error\"}[5m]) > 0.1",
        "TenantQuotaExceeded | rate(http_requests_total{status=\"429\"}[5m]) > 0",
      })
  void unitTestsFailWithTheOriginalExpression(String alert, String originalExpression)
      throws IOException {
    JsonNode rules = MonitoringFiles.yaml(MonitoringFiles.ALERT_RULES);
    boolean replaced = false;
    for (JsonNode rule : rules.at("/groups/0/rules")) {
      if (rule.path("alert").asString().equals(alert)) {
        ((ObjectNode) rule).put("expr", originalExpression);
        replaced = true;
      }
    }
    assertThat(replaced).as("rule " + alert).isTrue();
    Files.createDirectories(directory.resolve("rules"));
    Files.createDirectories(directory.resolve("tests"));
    MonitoringFiles.writeYaml(directory.resolve("rules/alerts.yml"), rules);
    Files.copy(MonitoringFiles.ALERT_RULE_TESTS, directory.resolve("tests/alerts_test.yml"));

    ExternalTool.Result result = PROMTOOL.run(directory, "test", "rules", "tests/alerts_test.yml");

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("alertname: " + alert + ",");
  }
}
