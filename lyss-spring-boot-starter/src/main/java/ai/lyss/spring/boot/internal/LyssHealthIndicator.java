package ai.lyss.spring.boot.internal;

import ai.lyss.health.HealthRegistry;
import ai.lyss.health.HealthReport;
import java.util.function.Function;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * One Lyss report (liveness or readiness) as an Actuator health indicator: UP when the report is
 * healthy, DOWN otherwise, with one detail per check (status, response time in ms and, when
 * unhealthy, the already-sanitised error text). Actuator's {@code show-details} decides who sees
 * the details.
 */
public final class LyssHealthIndicator implements HealthIndicator {

  private final HealthRegistry registry;
  private final Function<HealthRegistry, HealthReport> report;

  /**
   * Creates the indicator.
   *
   * @param registry the checks
   * @param report which report, for example {@code HealthRegistry::readiness}
   */
  public LyssHealthIndicator(
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
