package ai.lyss.monitoring;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The Grafana dashboard, parsed, and its panel queries. */
final class Dashboard {

  private Dashboard() {}

  /** One panel query. */
  record Query(String panel, String refId, String expr) {

    /**
     * The query as Grafana sends it to Prometheus for the "All" tenants selection: template
     * variables substituted ({@code $__rate_interval} is at least four scrape intervals).
     */
    String substituted(String rateInterval) {
      return expr.replace("$__rate_interval", rateInterval).replace("$tenant", ".*");
    }
  }

  static JsonNode json() {
    return MonitoringFiles.json(MonitoringFiles.DASHBOARD);
  }

  /** Every panel that draws data (rows excluded). */
  static List<JsonNode> panels() {
    return json().get("panels").values().stream()
        .filter(panel -> !panel.get("type").asString().equals("row"))
        .toList();
  }

  static List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.get("targets")) {
        queries.add(
            new Query(
                panel.get("title").asString(),
                target.get("refId").asString(),
                target.get("expr").asString()));
      }
    }
    return queries;
  }

  /** A template variable by name. */
  static JsonNode variable(String name) {
    return json().at("/templating/list").values().stream()
        .filter(variable -> variable.get("name").asString().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no template variable " + name));
  }
}
