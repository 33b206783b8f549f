package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.HealthRegistry;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.aspectj.MonitorApiAspect;
import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.aspectj.TracedAspect;
import org.junit.jupiter.api.Test;

/** Each {@code lyss.<module>.enabled=false} removes exactly that module's wiring. */
class ModuleSwitchesTest {

  @Test
  void everyModuleIsWiredByDefault() {
    Runners.web()
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(LyssMetrics.class)
                    .hasSingleBean(MonitorApiAspect.class)
                    .hasBean("lyssMetricsHttpObserver")
                    .hasBean("lyssPrometheusServlet")
                    .hasBean("lyssRequestLoggingHttpObserver")
                    .hasSingleBean(LyssTracing.class)
                    .hasSingleBean(TracedAspect.class)
                    .hasBean("lyssTracingHttpObserver")
                    .hasSingleBean(HealthRegistry.class)
                    .hasBean("lyssHealthServlet")
                    .hasBean("lyssReadiness"));
  }

  @Test
  void metricsEnabledFalseRemovesMetricsOnly() {
    Runners.web()
        .withPropertyValues("lyss.metrics.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean(LyssMetrics.class)
                    .doesNotHaveBean(MonitorApiAspect.class)
                    .doesNotHaveBean("lyssMetricsHttpObserver")
                    .doesNotHaveBean("lyssPrometheusServlet")
                    .hasSingleBean(LyssTracing.class)
                    .hasSingleBean(HealthRegistry.class)
                    .hasBean("lyssRequestLoggingHttpObserver"));
  }

  @Test
  void loggingEnabledFalseRemovesTheRequestLoggingFilter() {
    Runners.web()
        .withPropertyValues("lyss.logging.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean("lyssRequestLoggingHttpObserver")
                    .hasSingleBean(LyssMetrics.class));
  }

  @Test
  void tracingEnabledFalseRemovesTracingOnly() {
    Runners.web()
        .withPropertyValues("lyss.tracing.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean(LyssTracing.class)
                    .doesNotHaveBean(TracedAspect.class)
                    .doesNotHaveBean("lyssTracingHttpObserver")
                    .doesNotHaveBean("lyssRestClientTracingCustomizer")
                    .hasSingleBean(LyssMetrics.class));
  }

  @Test
  void healthEnabledFalseRemovesHealthOnly() {
    Runners.web()
        .withPropertyValues("lyss.health.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean(HealthRegistry.class)
                    .doesNotHaveBean("lyssHealthServlet")
                    .doesNotHaveBean("lyssReadiness")
                    .doesNotHaveBean("lyssLiveness")
                    .hasSingleBean(LyssMetrics.class));
  }

  @Test
  void endpointSwitchesRemoveTheServletsButKeepTheModules() {
    Runners.web()
        .withPropertyValues(
            "lyss.metrics.endpoint-enabled=false", "lyss.health.endpoints-enabled=false")
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean("lyssPrometheusServlet")
                    .doesNotHaveBean("lyssHealthServlet")
                    .hasBean("lyssMetricsHttpObserver")
                    .hasSingleBean(HealthRegistry.class));
  }
}
