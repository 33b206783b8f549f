package ai.lyss.health.internal;

import ai.lyss.health.HealthCheck;
import ai.lyss.health.HealthCheckResult;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** One named check inside a registry, with its settings and run state. */
public final class RegisteredCheck {

  final String name;
  final HealthCheck check;
  final boolean liveness;
  final boolean critical;
  final long timeoutMillis;

  /** The run in flight, or the last one; guarded by {@code this}. */
  @Nullable CompletableFuture<HealthCheckResult> inFlight;

  /** True while a worker thread is inside {@link HealthCheck#check()}. */
  volatile boolean executing;

  /** The run that may still be executing, so a report deadline can cancel it. */
  volatile @Nullable CheckExecutor.Attempt attempt;

  private volatile @Nullable HealthCheckResult last;

  /**
   * Creates a registered check.
   *
   * @param name unique name
   * @param check the check
   * @param liveness whether it belongs to the liveness group
   * @param critical whether a failure makes the report unhealthy
   * @param timeoutMillis per-run timeout
   */
  public RegisteredCheck(
      String name, HealthCheck check, boolean liveness, boolean critical, long timeoutMillis) {
    this.name = name;
    this.check = check;
    this.liveness = liveness;
    this.critical = critical;
    this.timeoutMillis = timeoutMillis;
  }

  /** The check's name. */
  public String name() {
    return name;
  }

  /** Whether it belongs to the liveness group. */
  public boolean liveness() {
    return liveness;
  }

  /** Whether a failure makes the report unhealthy. */
  public boolean critical() {
    return critical;
  }

  /** The latest completed result, or {@code null} if it never completed. */
  public @Nullable HealthCheckResult last() {
    return last;
  }

  void setLast(HealthCheckResult result) {
    last = result;
  }
}
