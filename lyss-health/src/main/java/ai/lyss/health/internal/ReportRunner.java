package ai.lyss.health.internal;

import static java.util.Objects.requireNonNull;

import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.HealthReport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Makes one report: starts (or reuses) a run of each selected check, then waits for all of them
 * until the report deadline.
 */
public final class ReportRunner {

  private final List<RegisteredCheck> checks;
  private final CheckExecutor executor;
  private final Clock clock;
  private final long deadlineNanos;
  private final long cacheTtlMillis;
  private final boolean background;

  /**
   * Creates the runner.
   *
   * @param checks every registered check
   * @param executor runs checks
   * @param clock timestamps and cache age
   * @param deadline bound on one report
   * @param cacheTtl reuse results younger than this (zero: never)
   * @param background whether checks run on a timer and reports only read results
   */
  public ReportRunner(
      List<RegisteredCheck> checks,
      CheckExecutor executor,
      Clock clock,
      Duration deadline,
      Duration cacheTtl,
      boolean background) {
    this.checks = List.copyOf(checks);
    this.executor = executor;
    this.clock = clock;
    this.deadlineNanos = deadline.toNanos();
    this.cacheTtlMillis = cacheTtl.toMillis();
    this.background = background;
  }

  /**
   * Reports on the checks {@code group} selects.
   *
   * @param group which checks
   */
  public HealthReport run(Predicate<RegisteredCheck> group) {
    long deadline = System.nanoTime() + deadlineNanos;
    List<RegisteredCheck> selected = new ArrayList<>();
    List<@Nullable CompletableFuture<HealthCheckResult>> runs = new ArrayList<>();
    List<@Nullable HealthCheckResult> results = new ArrayList<>();
    for (RegisteredCheck c : checks) {
      if (!group.test(c)) {
        continue;
      }
      selected.add(c);
      if (background) {
        results.add(orNotYet(c.last()));
        runs.add(null);
      } else {
        results.add(null);
        runs.add(executor.start(c, this::isFresh));
      }
    }
    boolean interrupted = false;
    List<HealthReport.Entry> entries = new ArrayList<>(selected.size());
    for (int i = 0; i < selected.size(); i++) {
      RegisteredCheck c = selected.get(i);
      HealthCheckResult result = results.get(i);
      CompletableFuture<HealthCheckResult> future = runs.get(i);
      if (result == null && future != null) {
        result = await(c, future, deadline, interrupted);
        interrupted |= Thread.currentThread().isInterrupted();
      }
      entries.add(new HealthReport.Entry(c.name(), requireNonNull(result), c.critical()));
    }
    return HealthReport.of(clock.instant(), entries);
  }

  private HealthCheckResult await(
      RegisteredCheck c,
      CompletableFuture<HealthCheckResult> future,
      long deadline,
      boolean interrupted) {
    try {
      if (interrupted) {
        throw new InterruptedException();
      }
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      executor.expire(c, "timeout after " + TimeUnit.NANOSECONDS.toMillis(deadlineNanos) + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      HealthCheckResult now = future.getNow(null);
      return now != null
          ? now
          : HealthCheckResult.unhealthy("not waited for: caller interrupted")
              .withTiming(0, clock.instant());
    } catch (ExecutionException e) {
      return HealthCheckResult.unhealthy("check failed").withTiming(0, clock.instant());
    }
    return future.join();
  }

  private boolean isFresh(HealthCheckResult last) {
    if (cacheTtlMillis <= 0) {
      return false;
    }
    long age = clock.millis() - last.observedAt().toEpochMilli();
    return age >= 0 && age < cacheTtlMillis;
  }

  private HealthCheckResult orNotYet(@Nullable HealthCheckResult last) {
    return last != null
        ? last
        : HealthCheckResult.unhealthy("not checked yet").withTiming(0, clock.instant());
  }

  /** Starts a run of every check (background refresh); never throws. */
  public void refreshAll() {
    for (RegisteredCheck c : checks) {
      try {
        executor.start(c);
      } catch (RuntimeException e) {
        // Keep refreshing the other checks; the failing one stays at its last result.
      }
    }
  }
}
