package ai.lyss.health;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a check is registered: its group (liveness or readiness), whether it is critical, and an
 * optional timeout overriding the registry default. Immutable; each method returns a copy.
 *
 * <pre>{@code
 * builder.register("cache", redis, CheckOptions.readiness().critical(false));
 * builder.register("event-loop", loop, CheckOptions.liveness().timeout(Duration.ofSeconds(1)));
 * }</pre>
 */
public final class CheckOptions {

  private static final CheckOptions READINESS = new CheckOptions(false, true, null);
  private static final CheckOptions LIVENESS = new CheckOptions(true, true, null);

  private final boolean liveness;
  private final boolean critical;
  private final @Nullable Duration timeout;

  private CheckOptions(boolean liveness, boolean critical, @Nullable Duration timeout) {
    this.liveness = liveness;
    this.critical = critical;
    this.timeout = timeout;
  }

  /**
   * A readiness check (the default): reported by {@code /health} and {@code /health/ready}, never
   * by {@code /health/live}. Use it for every downstream dependency.
   */
  public static CheckOptions readiness() {
    return READINESS;
  }

  /**
   * A liveness check: reported by {@code /health/live} as well as {@code /health} and {@code
   * /health/ready}. Only for the process's own state (a deadlocked worker, a full disk): a failing
   * liveness check makes Kubernetes restart the pod.
   */
  public static CheckOptions liveness() {
    return LIVENESS;
  }

  /**
   * Whether a failure makes the report unhealthy (default {@code true}). A non-critical check still
   * appears in the report with its own status.
   *
   * @param critical false for a degraded-but-serving dependency
   */
  public CheckOptions critical(boolean critical) {
    return new CheckOptions(liveness, critical, timeout);
  }

  /**
   * A timeout for this check instead of the registry default.
   *
   * @param timeout positive duration
   */
  public CheckOptions timeout(Duration timeout) {
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "check timeout must be positive, got " + timeout + ": use e.g. Duration.ofSeconds(2)");
    }
    return new CheckOptions(liveness, critical, timeout);
  }

  /** Whether the check is in the liveness group. */
  public boolean isLiveness() {
    return liveness;
  }

  /** Whether a failure makes the report unhealthy. */
  public boolean isCritical() {
    return critical;
  }

  /** The timeout override, or {@code null} for the registry default. */
  public @Nullable Duration timeout() {
    return timeout;
  }
}
