package ai.lyss.monitoring;

import static ai.lyss.monitoring.ExternalTool.PROMTOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RuleFilesTest {

  private static final Set<String> ORIGINAL_DESIGN_ALERTS =
      Set.of(
          "ServiceDown",
          "HighAPILatency",
          "HighErrorRate",
          "DatabaseConnectionHigh",
          "HighMemoryUsage",
          "AIModelFailures",
          "TenantQuotaExceeded");

  @Test
  void ruleFilesPassPromtoolCheckRules() {
    ExternalTool.Result result =
        PROMTOOL.run(
            MonitoringFiles.PROMETHEUS_DIR,
            "check",
            "rules",
            "rules/alerts.yml",
            "rules/slo.yml",
            "rules/spend.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void alertRuleUnitTestsPass() {
    ExternalTool.Result result =
        PROMTOOL.run(MonitoringFiles.PROMETHEUS_DIR, "test", "rules", "tests/alerts_test.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void sloRuleUnitTestsPass() {
    ExternalTool.Result result =
        PROMTOOL.run(MonitoringFiles.PROMETHEUS_DIR, "test", "rules", "tests/slo_test.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void spendRuleUnitTestsPass() {
    ExternalTool.Result result =
        PROMTOOL.run(MonitoringFiles.PROMETHEUS_DIR, "test", "rules", "tests/spend_test.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void everyAlertOfTheOriginalDesignIsDefined() {
    assertThat(RuleFiles.alertRules().stream().map(RuleFiles.AlertRule::alert))
        .containsAll(ORIGINAL_DESIGN_ALERTS);
  }

  @Test
  void everyAlertRuleHasAUnitTestWhereItFiresAndOneWhereItDoesNot() {
    List<JsonNode> checks = alertChecks();
    List<String> missing = new ArrayList<>();
    for (RuleFiles.AlertRule rule : RuleFiles.alertRules()) {
      List<JsonNode> ofRule =
          checks.stream()
              .filter(check -> check.get("alertname").asString().equals(rule.alert()))
              .toList();
      boolean fires = ofRule.stream().anyMatch(check -> expects(check, rule));
      boolean staysQuiet = ofRule.stream().anyMatch(check -> !expects(check, rule));
      if (!fires) {
        missing.add(rule.alert() + rule.labels() + " never expected to fire");
      }
      if (!staysQuiet) {
        missing.add(rule.alert() + rule.labels() + " never expected to stay quiet");
      }
    }

    assertThat(missing).isEmpty();
  }

  @Test
  void everyAlertHasARoutedSeveritySummaryDescriptionAndARunbookSection() {
    String runbook = MonitoringFiles.read(MonitoringFiles.RUNBOOK);
    Set<String> headings =
        runbook
            .lines()
            .filter(line -> line.startsWith("### "))
            .map(line -> line.substring(4).strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());

    for (RuleFiles.AlertRule rule : RuleFiles.alertRules()) {
      JsonNode annotations = rule.node().path("annotations");
      assertThat(rule.labels().get("severity")).as(rule.alert()).isIn("critical", "warning");
      assertThat(annotations.path("summary").asString()).as(rule.alert()).isNotBlank();
      assertThat(annotations.path("description").asString()).as(rule.alert()).isNotBlank();
      String anchor = rule.alert().toLowerCase(Locale.ROOT);
      assertThat(annotations.path("runbook_url").asString())
          .as(rule.alert())
          .endsWith("docs/monitoring.md#" + anchor);
      assertThat(headings).as("runbook headings of docs/monitoring.md").contains(anchor);
    }
  }

  @Test
  void burnRateTiersOfOneObjectiveShareAnAlertNameSoThePageInhibitsTheTicket() {
    Map<String, List<String>> severitiesByAlert =
        RuleFiles.alertRules().stream()
            .filter(rule -> rule.labels().containsKey("slo"))
            .collect(
                Collectors.groupingBy(
                    RuleFiles.AlertRule::alert,
                    Collectors.mapping(
                        rule -> rule.labels().get("severity"), Collectors.toList())));

    assertThat(severitiesByAlert)
        .hasSize(3)
        .allSatisfy(
            (alert, severities) ->
                assertThat(severities).containsExactly("critical", "critical", "warning"));
  }

  /** Every alert_rule_test entry of the unit-test files. */
  static List<JsonNode> alertChecks() {
    List<JsonNode> checks = new ArrayList<>();
    for (var file : MonitoringFiles.RULE_TESTS) {
      for (JsonNode test : MonitoringFiles.yaml(file).get("tests")) {
        test.path("alert_rule_test").forEach(checks::add);
      }
    }
    return checks;
  }

  /** Whether a check expects an alert carrying all of the rule's static labels. */
  private static boolean expects(JsonNode check, RuleFiles.AlertRule rule) {
    for (JsonNode expected : check.path("exp_alerts")) {
      Map<String, String> labels = RuleFiles.strings(expected.path("exp_labels"));
      if (labels.entrySet().containsAll(rule.labels().entrySet())) {
        return true;
      }
    }
    return false;
  }
}
