package ai.lyss.spring.boot3.internal;

import ai.lyss.health.HealthRegistry;
import ai.lyss.health.HealthReport;
import ai.lyss.spring.boot.internal.HealthDetails;
import java.util.function.Function;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * One Lyss report (liveness or readiness) as a Boot 3.5 Actuator health indicator, with the same
 * status and details as the common starter's Boot 4 indicator.
 */
public final class Boot3HealthIndicator implements HealthIndicator {

  private final HealthRegistry registry;
  private final Function<HealthRegistry, HealthReport> report;

  /**
   * Creates the indicator.
   *
   * @param registry the checks
   * @param report which report, for example {@code HealthRegistry::readiness}
   */
  public Boot3HealthIndicator(
      HealthRegistry registry, Function<HealthRegistry, HealthReport> report) {
    this.registry = registry;
    this.report = report;
  }

  @Override
  public Health health() {
    HealthReport current = report.apply(registry);
    Health.Builder builder = current.isHealthy() ? Health.up() : Health.down();
    for (HealthReport.Entry entry : current.entries()) {
      builder.withDetail(entry.name(), HealthDetails.of(entry));
    }
    return builder.build();
  }
}
