package ai.lyss.health.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.HealthRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class HealthMetricsTest {

  @Test
  void exportsStatusGaugeAndDurationPerCheckUnderThePrometheusNames() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (HealthRegistry registry =
        HealthRegistry.builder()
            .listener(HealthMetrics.create(prometheus))
            .register("postgres", HealthCheckResult::healthy)
            .register("redis", () -> HealthCheckResult.unhealthy("down"))
            .build()) {
      registry.report();
    }

    String scrape = prometheus.scrape();
    assertThat(scrape)
        .contains("lyss_health_check_status{check=\"postgres\"} 1")
        .contains("lyss_health_check_status{check=\"redis\"} 0")
        .contains("lyss_health_check_duration_seconds_count{check=\"postgres\"} 1")
        .contains("lyss_health_check_duration_seconds_count{check=\"redis\"} 1");
  }

  @Test
  void aCheckNotYetRunExportsStatusZero() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (HealthRegistry registry =
        HealthRegistry.builder()
            .listener(HealthMetrics.create(prometheus))
            .register("postgres", HealthCheckResult::healthy)
            .build()) {
      assertThat(registry.names()).containsExactly("postgres");
      assertThat(prometheus.scrape()).contains("lyss_health_check_status{check=\"postgres\"} 0");
    }
  }

  @Test
  void theGaugeFollowsTheLatestResult() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    java.util.concurrent.atomic.AtomicBoolean up =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    try (HealthRegistry registry =
        HealthRegistry.builder()
            .listener(HealthMetrics.create(prometheus))
            .register(
                "db",
                () -> up.get() ? HealthCheckResult.healthy() : HealthCheckResult.unhealthy("down"))
            .build()) {
      registry.report();
      up.set(false);
      registry.report();
    }

    assertThat(prometheus.scrape())
        .contains("lyss_health_check_status{check=\"db\"} 0")
        .contains("lyss_health_check_duration_seconds_count{check=\"db\"} 2");
  }
}
