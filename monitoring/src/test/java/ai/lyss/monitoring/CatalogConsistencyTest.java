package ai.lyss.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every metric and label name the rules and the dashboard use exists in the lyss-metrics catalog
 * (read from {@code MetricCatalog} in code), is an explicitly allowed infrastructure metric, or is
 * a series our own recording rules produce.
 */
class CatalogConsistencyTest {

  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((\\w+),\\s*(\\w+)\\)");

  /** The labels a recording rule of each aggregation level keeps. */
  private static final Map<String, Set<String>> RECORDING_LEVEL_LABELS =
      Map.of("service", Set.of(), "tenant_currency", Set.of("tenant_id", "currency"));

  @Test
  void everyMetricAndLabelOfTheAlertAndSloRulesIsInTheCatalog() {
    Map<String, String> expressions = new LinkedHashMap<>();
    RuleFiles.alertRules().forEach(rule -> expressions.put("alert " + rule.alert(), rule.expr()));
    RuleFiles.recordingRules()
        .forEach(rule -> expressions.put("record " + rule.record(), rule.expr()));

    assertThat(problems(expressions)).isEmpty();
  }

  @Test
  void everyMetricAndLabelOfTheDashboardIsInTheCatalog() {
    Map<String, String> expressions = new LinkedHashMap<>();
    Dashboard.queries()
        .forEach(query -> expressions.put(query.panel() + " " + query.refId(), query.expr()));

    assertThat(problems(expressions)).isEmpty();
  }

  @Test
  void tenantVariableQueriesACatalogMetricAndLabel() {
    String definition = Dashboard.variable("tenant").get("definition").asString();
    Matcher labelValues = LABEL_VALUES.matcher(definition);

    assertThat(labelValues.matches()).as(definition).isTrue();
    assertThat(CatalogNames.seriesLabels().get(labelValues.group(1)))
        .as(definition)
        .contains(labelValues.group(2));
  }

  @Test
  void consistencyCheckRejectsANameOutsideTheCatalog() {
    assertThat(
            problems(
                Map.of("typo", "sum by (tenant) (rate(http_request_total{status=\"500\"}[5m]))")))
        .hasSize(2);
  }

  @Test
  void consistencyCheckRejectsALabelTheMetricDoesNotCarry() {
    assertThat(
            problems(
                Map.of(
                    "wrong label",
                    "rate(http_request_duration_seconds_count{status=\"500\"}[5m])")))
        .hasSize(1);
  }

  /** What is wrong with each expression: unknown metrics, labels no metric of it carries. */
  private static List<String> problems(Map<String, String> expressions) {
    Map<String, Set<String>> known = new LinkedHashMap<>(CatalogNames.seriesLabels());
    CatalogNames.INFRASTRUCTURE_METRICS.forEach(name -> known.put(name, Set.of()));
    // A recording rule keeps the labels its level names (level:metric:operations).
    RuleFiles.recordingRules()
        .forEach(
            rule ->
                known.put(
                    rule.record(),
                    RECORDING_LEVEL_LABELS.getOrDefault(
                        rule.record().substring(0, rule.record().indexOf(':')), Set.of())));

    List<String> problems = new ArrayList<>();
    expressions.forEach(
        (where, expr) -> {
          PromQlNames.Usage usage = PromQlNames.of(expr);
          Set<String> labelsOfExpression = new HashSet<>(CatalogNames.TARGET_LABELS);
          for (PromQlNames.Selector selector : usage.selectors()) {
            Set<String> labels = known.get(selector.metric());
            if (labels == null) {
              problems.add(where + ": metric " + selector.metric() + " is not in the catalog");
              continue;
            }
            labelsOfExpression.addAll(labels);
            for (String label : selector.labels()) {
              if (!labels.contains(label) && !CatalogNames.TARGET_LABELS.contains(label)) {
                problems.add(where + ": " + selector.metric() + " has no label " + label);
              }
            }
          }
          for (String label : usage.groupingLabels()) {
            if (!labelsOfExpression.contains(label)) {
              problems.add(where + ": no metric of the expression has label " + label);
            }
          }
        });
    return problems;
  }
}
