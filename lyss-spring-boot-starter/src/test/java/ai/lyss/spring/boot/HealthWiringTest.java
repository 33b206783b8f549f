package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.HealthCheck;
import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.HealthRegistry;
import ai.lyss.metrics.LyssMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** How checks reach the registry, and what the metrics part needs from Boot's registry. */
class HealthWiringTest {

  @Test
  void healthCheckBeansBecomeReadinessChecksNamedAfterTheBean() {
    Runners.web()
        .withBean("inventory", HealthCheck.class, () -> HealthCheckResult::healthy)
        .run(
            context -> {
              HealthRegistry registry = context.getBean(HealthRegistry.class);
              assertThat(registry.names()).contains("inventory");
              assertThat(registry.readiness().result("inventory")).isPresent();
              assertThat(registry.liveness().result("inventory")).isEmpty();
            });
  }

  @Test
  void propertyCheckRunsInTheReadinessReportOnly() throws IOException {
    try (ServerSocket listening = new ServerSocket(0)) {
      Runners.web()
          .withPropertyValues(
              "lyss.health.checks.local.type=tcp",
              "lyss.health.checks.local.host=127.0.0.1",
              "lyss.health.checks.local.port=" + listening.getLocalPort())
          .run(
              context -> {
                HealthRegistry registry = context.getBean(HealthRegistry.class);
                assertThat(registry.readiness().result("local"))
                    .hasValueSatisfying(r -> assertThat(r.isHealthy()).isTrue());
                assertThat(registry.liveness().result("local")).isEmpty();
              });
    }
  }

  @Test
  void nonCriticalFailingCheckKeepsTheReportHealthy() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Runners.web()
        .withPropertyValues(
            "lyss.health.checks.cache.type=tcp",
            "lyss.health.checks.cache.host=127.0.0.1",
            "lyss.health.checks.cache.port=" + closed,
            "lyss.health.checks.cache.critical=false")
        .run(
            context -> {
              HealthRegistry registry = context.getBean(HealthRegistry.class);
              assertThat(registry.readiness().isHealthy()).isTrue();
              assertThat(registry.readiness().result("cache"))
                  .hasValueSatisfying(r -> assertThat(r.isHealthy()).isFalse());
            });
  }

  @Test
  void metricsUseTheApplicationsMeterRegistry() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Runners.web()
        .withBean(SimpleMeterRegistry.class, () -> registry)
        .withPropertyValues("lyss.metrics.endpoint-enabled=false")
        .run(
            context ->
                assertThat(context.getBean(LyssMetrics.class).registry()).isSameAs(registry));
  }

  @Test
  void bootRegistryWithoutPrometheusLeavesTheLyssMetricsARegistryOfTheirOwn() {
    // What @SpringBootTest gives: Boot's metrics export off, a SimpleMeterRegistry.
    Runners.web()
        .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(LyssMetrics.class).registry())
                  .isInstanceOf(PrometheusMeterRegistry.class);
            });
  }

  @Test
  void bootRegistryWithoutPrometheusIsUsedWhenTheEndpointIsOff() {
    Runners.web()
        .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues("lyss.metrics.endpoint-enabled=false")
        .run(
            context ->
                assertThat(context.getBean(LyssMetrics.class).registry())
                    .isSameAs(context.getBean(SimpleMeterRegistry.class)));
  }
}
