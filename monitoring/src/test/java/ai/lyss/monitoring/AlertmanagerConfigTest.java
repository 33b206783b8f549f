package ai.lyss.monitoring;

import static ai.lyss.monitoring.ExternalTool.AMTOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AlertmanagerConfigTest {

  private static final String SECRETS_DIR = "/etc/alertmanager/secrets/";

  @Test
  void configPassesAmtoolCheckConfig() {
    ExternalTool.Result result =
        AMTOOL.run(MonitoringFiles.ALERTMANAGER_DIR, "check-config", "alertmanager.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.stdout()).contains("SUCCESS");
  }

  @Test
  void criticalAlertsAreRoutedToTheCriticalReceiver() {
    assertThat(route("alertname=HighErrorRate", "severity=critical", "service=api-gateway"))
        .isEqualTo("critical-alerts");
  }

  @Test
  void warningAlertsAreRoutedToTheWarningReceiver() {
    assertThat(route("alertname=HighAPILatency", "severity=warning", "service=api-gateway"))
        .isEqualTo("warning-alerts");
  }

  @Test
  void spendAlertsAreRoutedToTheTenantBillingReceiverWhateverTheirSeverity() {
    assertThat(
            route(
                "alertname=TenantSpendBudgetExceeded",
                "severity=warning",
                "team=billing",
                "tenant_id=acme"))
        .isEqualTo("tenant-billing");
    assertThat(route("alertname=TenantSpendBudgetWarning", "severity=critical", "team=billing"))
        .isEqualTo("tenant-billing");
  }

  @Test
  void tenantBillingReceiverReadsItsUrlFromASecretFileAndNeverPages() {
    JsonNode receiver = receiver("tenant-billing");

    assertThat(receiver.at("/slack_configs/0/api_url_file").asString()).startsWith(SECRETS_DIR);
    assertThat(receiver.at("/slack_configs/0/channel").asString()).isEqualTo("#billing");
    assertThat(receiver.has("pagerduty_configs")).isFalse();
  }

  @Test
  void alertsWithoutAKnownSeverityAreRoutedToTheDefaultReceiver() {
    assertThat(route("alertname=Watchdog", "severity=info")).isEqualTo("default-receiver");
    assertThat(route("alertname=Unlabelled")).isEqualTo("default-receiver");
  }

  @Test
  void criticalReceiverPagesThroughPagerDutyAndPostsToTheCriticalChannel() {
    JsonNode receiver = receiver("critical-alerts");

    assertThat(receiver.at("/pagerduty_configs/0/routing_key_file").asString())
        .startsWith(SECRETS_DIR);
    assertThat(receiver.at("/slack_configs/0/channel").asString()).isEqualTo("#critical-alerts");
  }

  @Test
  void warningReceiverPostsToTheWarningsChannelAndNeverPages() {
    JsonNode receiver = receiver("warning-alerts");

    assertThat(receiver.at("/slack_configs/0/channel").asString()).isEqualTo("#warnings");
    assertThat(receiver.has("pagerduty_configs")).isFalse();
  }

  @Test
  void criticalAlertsInhibitWarningsWithTheSameAlertnameClusterAndService() {
    JsonNode inhibit = config().at("/inhibit_rules/0");

    assertThat(inhibit.at("/source_matchers/0").asString()).isEqualTo("severity=\"critical\"");
    assertThat(inhibit.at("/target_matchers/0").asString()).isEqualTo("severity=\"warning\"");
    assertThat(inhibit.get("equal").values().stream().map(JsonNode::asString))
        .containsExactly("alertname", "cluster", "service");
  }

  @Test
  void secretsAreReadFromFilesAndNeverWrittenInTheConfig() {
    List<String> inlineSecrets = new ArrayList<>();
    List<String> secretFiles = new ArrayList<>();
    collect(config(), "", inlineSecrets, secretFiles);

    assertThat(inlineSecrets).isEmpty();
    assertThat(secretFiles)
        .isNotEmpty()
        .allSatisfy(path -> assertThat(path).startsWith(SECRETS_DIR));
    String readme = MonitoringFiles.read(MonitoringFiles.SECRETS_README);
    assertThat(secretFiles)
        .allSatisfy(path -> assertThat(readme).contains(path.substring(SECRETS_DIR.length())));
  }

  private static String route(String... labels) {
    List<String> arguments =
        new ArrayList<>(List.of("config", "routes", "test", "--config.file=alertmanager.yml"));
    arguments.addAll(List.of(labels));
    ExternalTool.Result result =
        AMTOOL.run(MonitoringFiles.ALERTMANAGER_DIR, arguments.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.stdout().strip();
  }

  private static JsonNode config() {
    return MonitoringFiles.yaml(MonitoringFiles.ALERTMANAGER_CONFIG);
  }

  private static JsonNode receiver(String name) {
    return config().get("receivers").values().stream()
        .filter(receiver -> receiver.get("name").asString().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Walks the config: secret-bearing keys must be *_file keys. */
  private static void collect(
      JsonNode node, String path, List<String> inlineSecrets, List<String> secretFiles) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String key = entry.getKey();
        if (List.of("api_url", "slack_api_url", "routing_key", "service_key", "url").contains(key)
            || key.endsWith("password")
            || key.equals("credentials")) {
          inlineSecrets.add(path + "/" + key);
        }
        if (key.endsWith("_file")) {
          secretFiles.add(entry.getValue().asString());
        }
        collect(entry.getValue(), path + "/" + key, inlineSecrets, secretFiles);
      }
    } else if (node.isArray()) {
      int index = 0;
      for (JsonNode element : node) {
        collect(element, path + "/" + index++, inlineSecrets, secretFiles);
      }
    }
  }
}
