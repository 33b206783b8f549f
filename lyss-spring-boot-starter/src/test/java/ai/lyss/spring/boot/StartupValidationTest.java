package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad settings stop the start-up with a message that names the property. */
class StartupValidationTest {

  @Test
  void tenantCapOutOfRangeNamesTheProperty() {
    Runners.web()
        .withPropertyValues("lyss.metrics.max-tenants-per-metric=0")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(Runners.messages(context.getStartupFailure()))
                  .contains("lyss.metrics.max-tenants-per-metric must be between 1 and 1000000");
            });
  }

  @Test
  void samplingRatioAboveOneNamesTheProperty() {
    Runners.web()
        .withPropertyValues("lyss.tracing.sampling-ratio=1.5")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(Runners.messages(context.getStartupFailure()))
                  .contains("lyss.tracing.sampling-ratio must be between 0.0 and 1.0");
            });
  }

  @Test
  void endpointPathWithoutLeadingSlashNamesTheProperty() {
    Runners.web()
        .withPropertyValues("lyss.metrics.endpoint-path=metrics")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(Runners.messages(context.getStartupFailure()))
                  .contains("lyss.metrics.endpoint-path must be a path such as /metrics");
            });
  }

  @Test
  void tcpCheckWithoutPortNamesTheProperty() {
    Runners.web()
        .withPropertyValues("lyss.health.checks.cache.type=tcp", "lyss.health.checks.cache.host=x")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(Runners.messages(context.getStartupFailure()))
                  .contains("lyss.health.checks.cache.port is missing");
            });
  }

  @Test
  void checkWithoutTypeNamesTheProperty() {
    Runners.web()
        .withPropertyValues("lyss.health.checks.models.url=http://127.0.0.1:1/health")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(Runners.messages(context.getStartupFailure()))
                  .contains("lyss.health.checks.models.type is missing");
            });
  }

  @Test
  void unknownCheckTypeNamesTheProperty() {
    Runners.web()
        .withPropertyValues("lyss.health.checks.models.type=kafka")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(Runners.messages(context.getStartupFailure()))
                  .contains("lyss.health.checks.models.type");
            });
  }

  @Test
  void malformedTrustedProxyNamesTheProperty() {
    Runners.web()
        .withPropertyValues("lyss.logging.trusted-proxies=10.0.0.0/99")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(Runners.messages(context.getStartupFailure()))
                  .contains("lyss.logging.trusted-proxies");
            });
  }
}
