package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.HealthRegistry;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.tracing.LyssTracing;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;

/**
 * A service that keeps one Lyss module only (the starter brings all four; the others left out with
 * Maven exclusions) gets a clean start and that module's wiring.
 */
class SingleModuleClasspathTest {

  private static final String METRICS = "ai.lyss.metrics";
  private static final String LOGGING = "ai.lyss.logging";
  private static final String TRACING = "ai.lyss.tracing";
  private static final String HEALTH = "ai.lyss.health";

  @Test
  void onlyLyssMetricsOnTheClassPath() {
    Runners.web()
        .withClassLoader(new FilteredClassLoader(LOGGING, TRACING, HEALTH))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(LyssMetrics.class)
                    .hasBean("lyssMetricsHttpObserver")
                    .hasBean("lyssFilter")
                    .doesNotHaveBean("lyssRequestLoggingHttpObserver")
                    .doesNotHaveBean("lyssTracingHttpObserver")
                    .doesNotHaveBean("lyssHealthServlet"));
  }

  @Test
  void onlyLyssLoggingOnTheClassPath() {
    Runners.web()
        .withClassLoader(new FilteredClassLoader(METRICS, TRACING, HEALTH))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasBean("lyssRequestLoggingHttpObserver")
                    .hasBean("lyssFilter")
                    .doesNotHaveBean("lyssMetricsHttpObserver")
                    .doesNotHaveBean("lyssTracingHttpObserver")
                    .doesNotHaveBean("lyssHealthServlet"));
  }

  @Test
  void onlyLyssTracingOnTheClassPath() {
    Runners.web()
        .withClassLoader(new FilteredClassLoader(METRICS, LOGGING, HEALTH))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(LyssTracing.class)
                    .hasBean("lyssTracingHttpObserver")
                    .hasBean("lyssFilter")
                    .doesNotHaveBean("lyssMetricsHttpObserver")
                    .doesNotHaveBean("lyssHealthServlet"));
  }

  @Test
  void onlyLyssHealthOnTheClassPath() {
    Runners.web()
        .withClassLoader(new FilteredClassLoader(METRICS, LOGGING, TRACING))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(HealthRegistry.class)
                    .hasBean("lyssHealthServlet")
                    .doesNotHaveBean("lyssFilter")
                    .doesNotHaveBean("lyssMetricsHttpObserver")
                    .doesNotHaveBean("lyssTracingHttpObserver"));
  }

  @Test
  void onlyLyssHealthWithoutMicrometerStartsCleanly() {
    Runners.web()
        .withClassLoader(new FilteredClassLoader(METRICS, LOGGING, TRACING, "io.micrometer"))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(HealthRegistry.class));
  }
}
