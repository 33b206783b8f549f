package ai.lyss.monitoring;

import static ai.lyss.monitoring.ExternalTool.PROMTOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class PrometheusConfigTest {

  @Test
  void productionConfigPassesPromtoolCheckConfig() {
    ExternalTool.Result result =
        PROMTOOL.run(MonitoringFiles.PROMETHEUS_DIR, "check", "config", "prometheus.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void localConfigPassesPromtoolCheckConfig() {
    ExternalTool.Result result =
        PROMTOOL.run(MonitoringFiles.PROMETHEUS_DIR, "check", "config", "prometheus-local.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void productionConfigScrapesEveryServiceAndExporterOfTheDesign() {
    Map<String, String> targets =
        targetsByJob(MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_CONFIG));

    assertThat(targets)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "lyss-api-gateway", "api-gateway:8000",
                "lyss-eino-service", "eino-service:8080",
                "lyss-memory-service", "memory-service:8001",
                "node-exporter", "node-exporter:9100",
                "postgres-exporter", "postgres-exporter:9187",
                "redis-exporter", "redis-exporter:9121",
                "cadvisor", "cadvisor:8080"));
  }

  @Test
  void lyssServicesAreScrapedOnMetricsEveryTenSecondsWithAServiceLabel() {
    for (JsonNode job :
        MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_CONFIG).get("scrape_configs")) {
      if (job.get("job_name").asString().startsWith("lyss-")) {
        assertThat(job.path("metrics_path").asString()).isEqualTo("/metrics");
        assertThat(job.path("scrape_interval").asString()).isEqualTo("10s");
        assertThat(job.at("/static_configs/0/labels/service").asString()).isNotBlank();
      }
    }
  }

  @Test
  void productionConfigLoadsEveryRuleFileAndSendsAlertsToAlertmanager() {
    JsonNode config = MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_CONFIG);

    assertThat(config.get("rule_files").values().stream().map(JsonNode::asString))
        .containsExactly("rules/alerts.yml", "rules/slo.yml", "rules/spend.yml");
    assertThat(config.at("/alerting/alertmanagers/0/static_configs/0/targets/0").asString())
        .isEqualTo("alertmanager:9093");
    assertThat(config.at("/global/external_labels/cluster").asString()).isNotBlank();
  }

  @Test
  void localConfigScrapesTheDemoServiceOnLocalhost8000WithTheSameRules() {
    JsonNode local = MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_LOCAL_CONFIG);

    assertThat(targetsByJob(local))
        .containsExactly(Map.entry("lyss-demo-service", "localhost:8000"));
    assertThat(local.get("rule_files"))
        .isEqualTo(MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_CONFIG).get("rule_files"));
  }

  @Test
  void kubernetesConfigIsTheProductionConfigPlusTheApiServerJob() {
    JsonNode kubernetes = MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_KUBERNETES_CONFIG);

    assertThat(withoutKubernetesJobs(kubernetes))
        .isEqualTo(MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_CONFIG));
    assertThat(kubernetesJobs(kubernetes).stream().map(job -> job.get("job_name").asString()))
        .containsExactly("kubernetes-apiservers");
  }

  @Test
  void kubernetesConfigWithoutItsKubernetesJobsPassesPromtool(@TempDir Path directory) {
    ObjectNode config =
        withoutKubernetesJobs(MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_KUBERNETES_CONFIG));
    ArrayNode ruleFiles = config.putArray("rule_files");
    RuleFiles.ALL.forEach(file -> ruleFiles.add(file.toString()));
    MonitoringFiles.writeYaml(directory.resolve("prometheus.yml"), config);

    ExternalTool.Result result = PROMTOOL.run(directory, "check", "config", "prometheus.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void kubernetesApiServerJobKeepsOnlyTheHttpsEndpointOfTheDefaultKubernetesService() {
    JsonNode job =
        kubernetesJobs(MonitoringFiles.yaml(MonitoringFiles.PROMETHEUS_KUBERNETES_CONFIG)).get(0);

    assertThat(job.at("/kubernetes_sd_configs/0/role").asString()).isEqualTo("endpoints");
    assertThat(job.path("scheme").asString()).isEqualTo("https");
    assertThat(job.at("/tls_config/ca_file").asString())
        .isEqualTo("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt");
    assertThat(job.at("/authorization/credentials_file").asString())
        .isEqualTo("/var/run/secrets/kubernetes.io/serviceaccount/token");
    JsonNode keep = job.at("/relabel_configs/0");
    assertThat(keep.path("action").asString()).isEqualTo("keep");
    assertThat(keep.path("source_labels").values().stream().map(JsonNode::asString))
        .containsExactly(
            "__meta_kubernetes_namespace",
            "__meta_kubernetes_service_name",
            "__meta_kubernetes_endpoint_port_name");
    assertThat(keep.path("regex").asString()).isEqualTo("default;kubernetes;https");
  }

  private static Map<String, String> targetsByJob(JsonNode config) {
    Map<String, String> targets = new LinkedHashMap<>();
    for (JsonNode job : config.get("scrape_configs")) {
      JsonNode jobTargets = job.at("/static_configs/0/targets");
      assertThat(jobTargets.size()).as(job.get("job_name").asString()).isEqualTo(1);
      targets.put(job.get("job_name").asString(), jobTargets.get(0).asString());
    }
    return targets;
  }

  private static List<JsonNode> kubernetesJobs(JsonNode config) {
    return config.get("scrape_configs").values().stream()
        .filter(job -> job.has("kubernetes_sd_configs"))
        .toList();
  }

  private static ObjectNode withoutKubernetesJobs(JsonNode config) {
    ObjectNode copy = (ObjectNode) config.deepCopy();
    ArrayNode jobs = copy.putArray("scrape_configs");
    config.get("scrape_configs").values().stream()
        .filter(job -> !job.has("kubernetes_sd_configs"))
        .forEach(jobs::add);
    return copy;
  }
}
