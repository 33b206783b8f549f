package ai.lyss.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** The alerting and recording rules of rules/*.yml, parsed. */
final class RuleFiles {

  /** Every rule file Prometheus loads. */
  static final List<Path> ALL =
      List.of(MonitoringFiles.ALERT_RULES, MonitoringFiles.SLO_RULES, MonitoringFiles.SPEND_RULES);

  private RuleFiles() {}

  /** An alerting rule: its name, its static labels and its expression. */
  record AlertRule(String alert, Map<String, String> labels, String expr, JsonNode node) {}

  /** A recording rule. */
  record RecordingRule(String record, String expr) {}

  static List<AlertRule> alertRules() {
    List<AlertRule> alerts = new ArrayList<>();
    for (JsonNode rule : rules()) {
      if (rule.has("alert")) {
        alerts.add(
            new AlertRule(
                rule.get("alert").asString(),
                strings(rule.path("labels")),
                rule.get("expr").asString(),
                rule));
      }
    }
    return alerts;
  }

  static List<RecordingRule> recordingRules() {
    List<RecordingRule> records = new ArrayList<>();
    for (JsonNode rule : rules()) {
      if (rule.has("record")) {
        records.add(new RecordingRule(rule.get("record").asString(), rule.get("expr").asString()));
      }
    }
    return records;
  }

  static List<JsonNode> rules() {
    List<JsonNode> rules = new ArrayList<>();
    for (Path file : ALL) {
      for (JsonNode group : MonitoringFiles.yaml(file).get("groups")) {
        group.get("rules").forEach(rules::add);
      }
    }
    return rules;
  }

  static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new TreeMap<>();
    object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asString()));
    return map;
  }
}
