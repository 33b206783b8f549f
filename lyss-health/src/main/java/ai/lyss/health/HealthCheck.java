package ai.lyss.health;

/**
 * One health check: a cheap probe of the service itself or of one dependency.
 *
 * <p>The registry runs checks on its own bounded executor, measures their duration, applies a
 * timeout and turns a thrown exception into an unhealthy result, so an implementation only probes
 * and returns:
 *
 * <pre>{@code
 * HealthCheck queue = () -> queue.isAccepting()
 *     ? HealthCheckResult.healthy()
 *     : HealthCheckResult.unhealthy("queue closed");
 * }</pre>
 *
 * <p>A check that blocks should respond to thread interruption: the registry interrupts a check
 * that exceeds its timeout.
 */
@FunctionalInterface
public interface HealthCheck {

  /**
   * Probes once.
   *
   * @return the outcome; its response time and observation time are set by the registry
   * @throws Exception any failure, reported as an unhealthy result naming the exception class
   */
  HealthCheckResult check() throws Exception;
}
