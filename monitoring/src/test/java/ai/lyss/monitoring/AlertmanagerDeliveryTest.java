package ai.lyss.monitoring;

import static ai.lyss.monitoring.ExternalTool.ALERTMANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
  private static Process alertmanager;
  private static URI api;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void startAlertmanagerAndSendAlerts() throws IOException {
    Path executable = ALERTMANAGER.require();
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

    int port = PrometheusServer.freePort();
    api = URI.create("http://127.0.0.1:" + port);
    alertmanager =
        new ProcessBuilder(
                executable.toString(),
                "--config.file=" + directory.resolve("alertmanager.yml"),
                "--storage.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("alertmanager.log").toFile())
            .start();
    Process started = alertmanager;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "kill-alertmanager"));
    PollUntil.poll(
        "Alertmanager ready",
        DEADLINE,
        () -> status("/-/ready") == 200 ? Optional.of(true) : Optional.empty(),
        AlertmanagerDeliveryTest::logTail);

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
  static void stop() throws InterruptedException {
    if (alertmanager != null) {
      alertmanager.destroy();
      if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
        alertmanager.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
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
        PollUntil.poll(
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
    return PollUntil.poll(
        alertname + " delivered to " + path,
        DEADLINE,
        () ->
            receivers.at(path).stream()
                .map(FakeReceivers.Notification::body)
                .filter(body -> body.toString().contains(alertname))
                .findFirst(),
        () -> receivers.all() + "\n" + logTail());
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
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(api.resolve("/api/v2/alerts")).build(),
              HttpResponse.BodyHandlers.ofString());
      return JsonMapper.shared().readTree(response.body()).values().stream().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void post(String alerts) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(api.resolve("/api/v2/alerts"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(alerts))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int status(String path) {
    if (!alertmanager.isAlive()) {
      throw new IllegalStateException("Alertmanager exited: " + logTail());
    }
    try {
      return CLIENT
          .send(
              HttpRequest.newBuilder(api.resolve(path)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String logTail() {
    try {
      List<String> lines = Files.readAllLines(directory.resolve("alertmanager.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
