package ai.lyss.spring.boot.internal;

import org.springframework.util.ClassUtils;

/** Names of the Lyss Actuator health contributors and the Boot class that signals Actuator. */
public final class HealthIndicatorNames {

  /** Contributor with the liveness checks ({@code /actuator/health/liveness}). */
  public static final String LIVENESS = "lyssLiveness";

  /** Contributor with every check ({@code /actuator/health/readiness}). */
  public static final String READINESS = "lyssReadiness";

  /** Boot 4's health-indicator contract. */
  public static final String HEALTH_INDICATOR_CLASS =
      "org.springframework.boot.health.contributor.HealthIndicator";

  /** Boot 3.5's health-indicator contract (lyss-spring-boot3-starter adapts to it). */
  public static final String BOOT3_HEALTH_INDICATOR_CLASS =
      "org.springframework.boot.actuate.health.HealthIndicator";

  private HealthIndicatorNames() {}

  /**
   * Whether Actuator's health support of either Boot line is on the class path.
   *
   * @param loader the application's class loader
   * @return true when a health-indicator contract is present
   */
  public static boolean actuatorHealthPresent(ClassLoader loader) {
    return ClassUtils.isPresent(HEALTH_INDICATOR_CLASS, loader)
        || ClassUtils.isPresent(BOOT3_HEALTH_INDICATOR_CLASS, loader);
  }
}
