package ai.lyss.spring.boot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the lyss-health auto-configuration ({@code lyss.health.*}). Defaults are literals for
 * the IDE metadata; a test keeps them equal to {@code HealthRegistry}'s.
 */
@ConfigurationProperties(LyssHealthProperties.PREFIX)
public final class LyssHealthProperties {

  /** The property prefix. */
  public static final String PREFIX = "lyss.health";

  /** Whether the health registry, its endpoints and Actuator contributors are wired. */
  private boolean enabled = true;

  /** Whether /health, /health/live and /health/ready are served by the starter. */
  private boolean endpointsEnabled = true;

  /** Base path of the health endpoints. */
  private String endpointsPath = "/health";

  /** Whether Actuator's liveness and readiness health groups include the Lyss checks. */
  private boolean actuatorGroups = true;

  /** Bearer token that unlocks error texts in the health JSON; none by default. */
  private @Nullable String detailToken;

  /** Timeout of each check. */
  private Duration defaultTimeout = Duration.ofSeconds(5);

  /** Deadline of a whole report. */
  private Duration deadline = Duration.ofSeconds(6);

  /** Results younger than this are reused; zero runs the checks for every report. */
  private Duration cacheTtl = Duration.ZERO;

  /** Checks of downstream dependencies, by name (the report's service field). */
  private Map<String, HealthCheckProperties> checks = new LinkedHashMap<>();

  /** Whether the enabled flag is on (default {@code true}). */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Turns the health auto-configuration on or off.
   *
   * @param enabled the flag
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Whether the starter serves the health endpoints. */
  public boolean isEndpointsEnabled() {
    return endpointsEnabled;
  }

  /**
   * Sets whether the starter serves the health endpoints.
   *
   * @param endpointsEnabled the flag
   */
  public void setEndpointsEnabled(boolean endpointsEnabled) {
    this.endpointsEnabled = endpointsEnabled;
  }

  /** The base path of the health endpoints. */
  public String getEndpointsPath() {
    return endpointsPath;
  }

  /**
   * Sets the base path of the health endpoints.
   *
   * @param endpointsPath for example {@code /health}
   */
  public void setEndpointsPath(String endpointsPath) {
    this.endpointsPath = Checks.path(PREFIX + ".endpoints-path", endpointsPath);
  }

  /** Whether Actuator's health groups include the Lyss checks. */
  public boolean isActuatorGroups() {
    return actuatorGroups;
  }

  /**
   * Sets whether Actuator's {@code liveness} and {@code readiness} health groups include the Lyss
   * checks (only when the service defines neither group itself).
   *
   * @param actuatorGroups the flag
   */
  public void setActuatorGroups(boolean actuatorGroups) {
    this.actuatorGroups = actuatorGroups;
  }

  /** The detail token, or {@code null}. */
  public @Nullable String getDetailToken() {
    return detailToken;
  }

  /**
   * Sets the bearer token that unlocks error texts.
   *
   * @param detailToken the token
   */
  public void setDetailToken(@Nullable String detailToken) {
    this.detailToken = Checks.notBlank(PREFIX + ".detail-token", detailToken);
  }

  /** The per-check timeout. */
  public Duration getDefaultTimeout() {
    return defaultTimeout;
  }

  /**
   * Sets the per-check timeout.
   *
   * @param defaultTimeout a positive duration
   */
  public void setDefaultTimeout(Duration defaultTimeout) {
    this.defaultTimeout = Checks.positive(PREFIX + ".default-timeout", defaultTimeout, false);
  }

  /** The report deadline. */
  public Duration getDeadline() {
    return deadline;
  }

  /**
   * Sets the report deadline.
   *
   * @param deadline a positive duration
   */
  public void setDeadline(Duration deadline) {
    this.deadline = Checks.positive(PREFIX + ".deadline", deadline, false);
  }

  /** The result cache lifetime. */
  public Duration getCacheTtl() {
    return cacheTtl;
  }

  /**
   * Sets the result cache lifetime.
   *
   * @param cacheTtl zero or a positive duration
   */
  public void setCacheTtl(Duration cacheTtl) {
    this.cacheTtl = Checks.positive(PREFIX + ".cache-ttl", cacheTtl, true);
  }

  /** The configured checks, by name. */
  public Map<String, HealthCheckProperties> getChecks() {
    return checks;
  }

  /**
   * Sets the configured checks.
   *
   * @param checks checks by name
   */
  public void setChecks(Map<String, HealthCheckProperties> checks) {
    this.checks = new LinkedHashMap<>(checks);
  }
}
