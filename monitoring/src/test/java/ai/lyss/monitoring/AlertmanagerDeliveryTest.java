package ai.lyss.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import ai.lyss.testing.ServerProcess;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real Alertmanager with our configuration, its secret files in a temporary directory pointing
 * at fake Slack and PagerDuty endpoints on loopback. Only two things differ from the committed
 * file: the secrets directory, and PagerDuty's events URL (its {@code url} setting, which
 * production leaves at the default). Alerts are posted to the v2 API as Prometheus does.
 */
class AlertmanagerDeliveryTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String ROUTING_KEY = "test-routing-key-0123456789abcdef";

  @TempDir static Path directory;

  private static FakeReceivers receivers;
  private static ServerProcess alertmanager;

  @BeforeAll
  static void startAlertmanagerAndSendAlerts() throws IOException {
    receivers = new FakeReceivers();
    Path secrets = Files.createDirectories(directory.resolve("secrets"));
    Files.writeString(
        secrets.resolve("slack-alerts-webhook-url"), receivers.url() + "/slack/alerts\n");
    Files.writeString(
        secrets.resolve("slack-critical-webhook-url"), receivers.url() + "/slack/critical\n");
    Files.writeString(
        secrets.resolve("slack-warnings-webhook-url"), receivers.url() + "/slack/warnings\n");
    Files.writeString(secrets.resolve("pagerduty-routing-key"), ROUTING_KEY + "\n");

    String config =
        MonitoringFiles.read(MonitoringFiles.ALERTMANAGER_CONFIG)
            .replace("/etc/alertmanager/secrets/", secrets + "/");
    ObjectNode tree = (ObjectNode) MonitoringFiles.yamlOf(config);
    tree.withObject("/route").put("group_wait", "1s");
    for (JsonNode receiver : tree.get("receivers")) {
      for (JsonNode pagerduty : receiver.path("pagerduty_configs")) {
        ((ObjectNode) pagerduty).put("url", receivers.url() + "/pagerduty");
      }
    }
    MonitoringFiles.writeYaml(directory.resolve("alertmanager.yml"), tree);

    alertmanager = ServerProcess.alertmanager(directory);

    post(
        "["
            + alert("HighErrorRate", "critical")
            + ","
            + alert("HighAPILatency", "warning")
            + ","
            + alert("SLOErrorBudgetBurn", "critical")
            + ","
            + alert("SLOErrorBudgetBurn", "warning")
            + ","
            + alert("Watchdog", "none")
            + "]");
  }

  @AfterAll
  static void stop() {
    if (alertmanager != null) {
      alertmanager.close();
    }
    if (receivers != null) {
      receivers.close();
    }
  }

  @Test
  void criticalAlertPagesThroughPagerDutyWithTheRoutingKeyReadFromItsFile() {
    JsonNode event = awaitNotification("/pagerduty", "HighErrorRate");

    assertThat(event.path("routing_key").asString()).isEqualTo(ROUTING_KEY);
    assertThat(event.path("event_action").asString()).isEqualTo("trigger");
  }

  @Test
  void criticalAlertIsPostedToTheCriticalChannelThroughTheWebhookReadFromItsFile() {
    JsonNode message = awaitNotification("/slack/critical", "HighErrorRate");

    assertThat(message.path("channel").asString()).isEqualTo("#critical-alerts");
  }

  @Test
  void warningAlertIsPostedToTheWarningsChannelOnly() {
    JsonNode message = awaitNotification("/slack/warnings", "HighAPILatency");

    assertThat(message.path("channel").asString()).isEqualTo("#warnings");
    assertThat(receivers.at("/pagerduty").toString()).doesNotContain("HighAPILatency");
  }

  @Test
  void alertWithoutAKnownSeverityGoesToTheDefaultChannel() {
    JsonNode message = awaitNotification("/slack/alerts", "Watchdog");

    assertThat(message.path("channel").asString()).isEqualTo("#alerts");
  }

  @Test
  void warningIsInhibitedWhileACriticalAlertOfTheSameNameServiceAndClusterFires() {
    JsonNode inhibited =
        Poll.until(
            "the SLOErrorBudgetBurn warning suppressed",
            DEADLINE,
            () ->
                alerts().stream()
                    .filter(a -> a.at("/labels/alertname").asString().equals("SLOErrorBudgetBurn"))
                    .filter(a -> a.at("/labels/severity").asString().equals("warning"))
                    .filter(a -> a.at("/status/state").asString().equals("suppressed"))
                    .findFirst(),
            () -> alerts().toString());

    assertThat(inhibited.at("/status/inhibitedBy").size()).isEqualTo(1);
  }

  private static JsonNode awaitNotification(String path, String alertname) {
    return Poll.until(
        alertname + " delivered to " + path,
        DEADLINE,
        () ->
            receivers.at(path).stream()
                .map(FakeReceivers.Notification::body)
                .filter(body -> body.toString().contains(alertname))
                .findFirst(),
        () -> receivers.all() + "\n" + alertmanager.logTail());
  }

  private static String alert(String alertname, String severity) {
    return "{\"labels\":{\"alertname\":\""
        + alertname
        + "\",\"severity\":\""
        + severity
        + "\",\"service\":\"api-gateway\",\"cluster\":\"test\"},"
        + "\"annotations\":{\"summary\":\""
        + alertname
        + " summary\",\"description\":\"d\",\"runbook_url\":\"r\"}}";
  }

  private static List<JsonNode> alerts() {
    try {
      HttpResponse<String> response = alertmanager.get("/api/v2/alerts");
      return JsonMapper.shared().readTree(response.body()).values().stream().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void post(String alerts) {
    try {
      HttpResponse<String> response =
          alertmanager.send(
              HttpRequest.newBuilder(alertmanager.uri("/api/v2/alerts"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(alerts))
                  .build());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
