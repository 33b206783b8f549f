package ai.lyss.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The rules against the real thing: a service instrumented with lyss-metrics fails and slows down
 * under steady traffic, a real Prometheus scrapes it every second and evaluates a fast copy of our
 * rule files (windows scaled to seconds, {@code for: 2s}, see {@link FastRules}), and the alerts
 * are read back from {@code /api/v1/alerts}. A second target on a closed port stands for a service
 * that is down.
 */
class AlertsEndToEndTest {

  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final String SERVICE = "e2e-service";

  @TempDir static Path directory;

  private static FailingService service;
  private static TrafficGenerator traffic;
  private static PrometheusServer prometheus;

  @BeforeAll
  static void startServiceTrafficAndPrometheus() throws IOException {
    ExternalTool.PROMETHEUS.require();
    service = new FailingService();
    traffic = new TrafficGenerator(service.port());
    FastRules.write(MonitoringFiles.ALERT_RULES, directory.resolve("alerts.yml"));
    FastRules.write(MonitoringFiles.SLO_RULES, directory.resolve("slo.yml"));
    FastRules.write(MonitoringFiles.SPEND_RULES, directory.resolve("spend.yml"));
    MonitoringFiles.write(
        directory.resolve("prometheus.yml"),
        String.join(
            "\n",
            "global:",
            "  scrape_interval: 1s",
            "  evaluation_interval: 1s",
            "rule_files: [alerts.yml, slo.yml, spend.yml]",
            "scrape_configs:",
            "  - job_name: lyss-e2e-service",
            "    metrics_path: /metrics",
            "    static_configs:",
            "      - targets: ['127.0.0.1:" + service.port() + "']",
            "        labels: {service: " + SERVICE + "}",
            "  - job_name: lyss-gone-service",
            "    static_configs:",
            "      - targets: ['127.0.0.1:" + PrometheusServer.freePort() + "']",
            "        labels: {service: gone-service}",
            ""));
    prometheus = PrometheusServer.start(directory);
  }

  @AfterAll
  static void stopEverything() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (traffic != null) {
      traffic.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void everyAlertTheFailuresShouldRaiseBecomesFiring() {
    List<Map<String, String>> expected =
        List.of(
            Map.of("alertname", "ServiceDown", "service", "gone-service"),
            Map.of(
                "alertname", "HighErrorRate",
                "service", SERVICE,
                "endpoint", "/v1/chat/completions"),
            Map.of(
                "alertname", "HighAPILatency", "service", SERVICE, "endpoint", "/v1/reports/{id}"),
            Map.of(
                "alertname",
                "HighAPITailLatency",
                "service",
                SERVICE,
                "endpoint",
                "/v1/reports/{id}"),
            Map.of("alertname", "AIModelFailures", "provider", "openai", "model", "gpt-4o"),
            Map.of("alertname", "TenantQuotaExceeded", "tenant_id", "greedy"),
            Map.of(
                "alertname",
                "TenantSpendBudgetExceeded",
                "tenant_id",
                FailingService.OVER_BUDGET_TENANT),
            Map.of("alertname", "DatabaseConnectionHigh", "database", "lyss_main"),
            Map.of("alertname", "SLOErrorBudgetBurn", "service", SERVICE, "long_window", "1h"),
            Map.of(
                "alertname", "SLOLatencyP99BudgetBurn", "service", SERVICE, "long_window", "1h"));

    Poll.until(
        "all expected alerts firing",
        DEADLINE,
        () -> {
          List<JsonNode> alerts = prometheus.alerts();
          boolean all = expected.stream().allMatch(labels -> firing(alerts, labels));
          return all ? Optional.of(true) : Optional.empty();
        },
        () -> missing(expected) + "\nPrometheus log:\n" + prometheus.logTail());
  }

  @Test
  void healthyEndpointAndTheLatencyPageBelowItsBurnRateStayQuiet() {
    // Wait for the failing endpoint's alert first, so quiet means "evaluated and quiet".
    Poll.until(
        "HighErrorRate firing for the failing endpoint",
        DEADLINE,
        () ->
            firing(prometheus.alerts(), Map.of("alertname", "HighErrorRate", "service", SERVICE))
                ? Optional.of(true)
                : Optional.empty(),
        prometheus::logTail);

    List<JsonNode> alerts = prometheus.alerts();
    assertThat(
            present(
                alerts, Map.of("alertname", "HighErrorRate", "endpoint", "/v1/conversations/{id}")))
        .as(
            "HighErrorRate for the healthy endpoint; requests: %s",
            prometheus.query("http_requests_total{endpoint=\"/v1/conversations/{id}\"}"))
        .isFalse();
    // 20 % of requests take 600 ms: below the 72 % (14.4x of 5 %) of the p95 fast page.
    assertThat(present(alerts, Map.of("alertname", "SLOLatencyP95BudgetBurn", "long_window", "1h")))
        .as("p95 fast-burn page")
        .isFalse();
    assertThat(
            present(
                alerts, Map.of("alertname", "TenantSpendBudgetExceeded", "tenant_id", "globex")))
        .as("budget alert of a tenant far below its budget")
        .isFalse();
  }

  @Test
  void everyDashboardQueryRunsOnTheRealPrometheusAndShowsData() {
    Poll.until(
        "every dashboard query answering with data",
        DEADLINE,
        () -> dashboardProblems().isEmpty() ? Optional.of(true) : Optional.empty(),
        () -> dashboardProblems().toString());
  }

  /** Panel queries that fail or return nothing. */
  private static List<String> dashboardProblems() {
    List<String> problems = new ArrayList<>();
    for (Dashboard.Query query : Dashboard.queries()) {
      // Grafana's $__rate_interval is at least four scrape intervals.
      JsonNode response = prometheus.query(query.substituted("5s"));
      if (!response.path("status").asString().equals("success")) {
        problems.add(query.panel() + " " + query.refId() + " failed: " + response);
      } else if (response.at("/data/result").isEmpty()) {
        problems.add(query.panel() + " " + query.refId() + " has no data");
      }
    }
    return problems;
  }

  private static boolean firing(List<JsonNode> alerts, Map<String, String> labels) {
    return alerts.stream()
        .anyMatch(
            alert -> alert.path("state").asString().equals("firing") && matches(alert, labels));
  }

  private static boolean present(List<JsonNode> alerts, Map<String, String> labels) {
    return alerts.stream().anyMatch(alert -> matches(alert, labels));
  }

  private static boolean matches(JsonNode alert, Map<String, String> labels) {
    return labels.entrySet().stream()
        .allMatch(
            label -> alert.at("/labels/" + label.getKey()).asString().equals(label.getValue()));
  }

  private static String missing(List<Map<String, String>> expected) {
    List<JsonNode> alerts = prometheus.alerts();
    List<Map<String, String>> missing =
        expected.stream().filter(labels -> !firing(alerts, labels)).toList();
    return "not firing: " + missing + "\nalerts: " + alerts;
  }
}
