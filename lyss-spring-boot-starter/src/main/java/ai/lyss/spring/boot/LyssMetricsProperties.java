package ai.lyss.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the lyss-metrics auto-configuration ({@code lyss.metrics.*}). The defaults are
 * written as literals so that the configuration processor can put them in the IDE metadata; a test
 * keeps them equal to {@code LyssMetricsBuilder}'s.
 */
@ConfigurationProperties(LyssMetricsProperties.PREFIX)
public final class LyssMetricsProperties {

  /** The property prefix. */
  public static final String PREFIX = "lyss.metrics";

  private static final int MAX_CAP = 1_000_000;

  /** Whether the Lyss metric catalog, its HTTP filter, @MonitorApi and /metrics are wired. */
  private boolean enabled = true;

  /** Distinct tenants each metric admits before recording __overflow__. */
  private int maxTenantsPerMetric = 100;

  /** Distinct endpoints each HTTP metric admits before recording __overflow__. */
  private int maxEndpointsPerMetric = 200;

  /** Distinct values of provider, model, message_type, plan_type, database per metric. */
  private int maxValuesPerLabel = 100;

  /** Whether 404s that matched no route are recorded under one endpoint value. */
  private boolean groupUnmatchedNotFound = true;

  /** Whether the Prometheus exposition is served by the starter's own servlet. */
  private boolean endpointEnabled = true;

  /** Path of the Prometheus exposition servlet. */
  private String endpointPath = "/metrics";

  /** Whether active_connections is reported for every HikariCP DataSource bean (from its pool). */
  private boolean poolConnections = true;

  /** Whether the enabled flag is on (default {@code true}). */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Turns the metrics auto-configuration on or off.
   *
   * @param enabled the flag
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Tenants admitted per metric. */
  public int getMaxTenantsPerMetric() {
    return maxTenantsPerMetric;
  }

  /**
   * Sets the tenant cap per metric.
   *
   * @param max 1 to 1,000,000
   */
  public void setMaxTenantsPerMetric(int max) {
    this.maxTenantsPerMetric = Checks.between(PREFIX + ".max-tenants-per-metric", max, 1, MAX_CAP);
  }

  /** Endpoints admitted per HTTP metric. */
  public int getMaxEndpointsPerMetric() {
    return maxEndpointsPerMetric;
  }

  /**
   * Sets the endpoint cap per HTTP metric.
   *
   * @param max 1 to 1,000,000
   */
  public void setMaxEndpointsPerMetric(int max) {
    this.maxEndpointsPerMetric =
        Checks.between(PREFIX + ".max-endpoints-per-metric", max, 1, MAX_CAP);
  }

  /** Values admitted per other label. */
  public int getMaxValuesPerLabel() {
    return maxValuesPerLabel;
  }

  /**
   * Sets the cap of the other caller-supplied labels.
   *
   * @param max 1 to 1,000,000
   */
  public void setMaxValuesPerLabel(int max) {
    this.maxValuesPerLabel = Checks.between(PREFIX + ".max-values-per-label", max, 1, MAX_CAP);
  }

  /** Whether unmatched 404s share one endpoint value. */
  public boolean isGroupUnmatchedNotFound() {
    return groupUnmatchedNotFound;
  }

  /**
   * Sets whether unmatched 404s share one endpoint value.
   *
   * @param group the flag
   */
  public void setGroupUnmatchedNotFound(boolean group) {
    this.groupUnmatchedNotFound = group;
  }

  /** Whether {@code active_connections} is reported for HikariCP pools (default {@code true}). */
  public boolean isPoolConnections() {
    return poolConnections;
  }

  /**
   * Sets whether {@code active_connections} is reported for HikariCP data sources.
   *
   * @param poolConnections the flag
   */
  public void setPoolConnections(boolean poolConnections) {
    this.poolConnections = poolConnections;
  }

  /** Whether the starter serves the exposition itself. */
  public boolean isEndpointEnabled() {
    return endpointEnabled;
  }

  /**
   * Sets whether the starter serves the exposition itself (turn off when Actuator's {@code
   * /actuator/prometheus} is scraped instead).
   *
   * @param endpointEnabled the flag
   */
  public void setEndpointEnabled(boolean endpointEnabled) {
    this.endpointEnabled = endpointEnabled;
  }

  /** The exposition path. */
  public String getEndpointPath() {
    return endpointPath;
  }

  /**
   * Sets the exposition path.
   *
   * @param endpointPath for example {@code /metrics}
   */
  public void setEndpointPath(String endpointPath) {
    this.endpointPath = Checks.path(PREFIX + ".endpoint-path", endpointPath);
  }
}
