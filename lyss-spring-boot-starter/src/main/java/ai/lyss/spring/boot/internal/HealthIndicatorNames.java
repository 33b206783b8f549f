package ai.lyss.spring.boot.internal;

/** Names of the Lyss Actuator health contributors and the Boot class that signals Actuator. */
public final class HealthIndicatorNames {

  /** Contributor with the liveness checks ({@code /actuator/health/liveness}). */
  public static final String LIVENESS = "lyssLiveness";

  /** Contributor with every check ({@code /actuator/health/readiness}). */
  public static final String READINESS = "lyssReadiness";

  /** Boot 4's health-indicator contract. */
  public static final String HEALTH_INDICATOR_CLASS =
      "org.springframework.boot.health.contributor.HealthIndicator";

  private HealthIndicatorNames() {}
}
