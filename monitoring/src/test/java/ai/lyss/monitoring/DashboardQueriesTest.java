package ai.lyss.monitoring;

import static ai.lyss.monitoring.ExternalTool.PROMTOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every panel query is valid PromQL once Grafana has substituted its variables: promtool parses
 * them as recording rules. (The end-to-end test also runs them against a real Prometheus.)
 */
class DashboardQueriesTest {

  @Test
  void everyPanelQueryIsValidPromQl(@TempDir Path directory) {
    ExternalTool.Result result = checkAsRules(directory, Dashboard.queries());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.stdout()).contains("SUCCESS: " + Dashboard.queries().size() + " rules found");
  }

  @Test
  void checkRejectsAnInvalidQuery(@TempDir Path directory) {
    ExternalTool.Result result =
        checkAsRules(
            directory,
            List.of(new Dashboard.Query("broken", "A", "sum by (le (rate(x[$__rate_interval]))")));

    assertThat(result.exitCode()).isNotZero();
  }

  private static ExternalTool.Result checkAsRules(Path directory, List<Dashboard.Query> queries) {
    ObjectNode file = JsonMapper.shared().createObjectNode();
    ObjectNode group = file.putArray("groups").addObject();
    group.put("name", "dashboard");
    ArrayNode rules = group.putArray("rules");
    int index = 0;
    for (Dashboard.Query query : queries) {
      rules
          .addObject()
          .put("record", "dashboard:query_" + index++)
          .put("expr", query.substituted("1m"));
    }
    MonitoringFiles.writeYaml(directory.resolve("dashboard.yml"), file);
    return PROMTOOL.run(directory, "check", "rules", "dashboard.yml");
  }
}
