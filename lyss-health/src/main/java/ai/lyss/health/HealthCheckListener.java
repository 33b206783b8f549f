package ai.lyss.health;

/**
 * Receives every check outcome, for example to export it as metrics (see {@code
 * ai.lyss.health.micrometer.HealthMetrics}). Called on the registry's threads: implementations must
 * be quick and must not block; an exception thrown here is swallowed.
 */
@FunctionalInterface
public interface HealthCheckListener {

  /**
   * A check has been registered; called once per check when the registry is built.
   *
   * @param check the check's name
   */
  default void onRegistered(String check) {}

  /**
   * A check finished (healthy, unhealthy, timed out or failed).
   *
   * @param check the check's name
   * @param result the outcome, with response time and observation time set
   */
  void onResult(String check, HealthCheckResult result);
}
