package ai.lyss.health.internal;

import ai.lyss.health.HealthCheckListener;
import ai.lyss.health.HealthCheckResult;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Runs checks on a bounded pool, each under its own timeout enforced by a timer thread. A run's
 * future always completes by its timeout, whether or not the check itself returns.
 */
public final class CheckExecutor implements AutoCloseable {

  private static final int QUEUE_CAPACITY = 256;

  private final ThreadPoolExecutor pool;
  private final ScheduledThreadPoolExecutor timer;
  private final Clock clock;
  private final List<HealthCheckListener> listeners;

  /**
   * Creates the executor and its threads (daemon threads, named {@code lyss-health-*}).
   *
   * @param maxConcurrency most checks running at once
   * @param clock source of observation times
   * @param listeners notified of every result
   */
  public CheckExecutor(int maxConcurrency, Clock clock, List<HealthCheckListener> listeners) {
    this.clock = clock;
    this.listeners = List.copyOf(listeners);
    this.pool =
        new ThreadPoolExecutor(
            maxConcurrency,
            maxConcurrency,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            daemonThreads("lyss-health-check-"));
    pool.allowCoreThreadTimeOut(true);
    this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("lyss-health-timer-"));
    timer.setRemoveOnCancelPolicy(true);
  }

  /** The timer thread, also used for background refresh. */
  public ScheduledThreadPoolExecutor timer() {
    return timer;
  }

  /**
   * Starts a run of the check, or joins the run already in flight.
   *
   * @param check the check
   * @return a future that completes (never exceptionally) by the check's timeout
   */
  public CompletableFuture<HealthCheckResult> start(RegisteredCheck check) {
    return start(check, r -> false);
  }

  /**
   * Returns the last result if {@code reuse} accepts it, else joins the run in flight, else starts
   * a run. Decided under the check's lock, so racing callers never start two runs.
   *
   * @param check the check
   * @param reuse whether the last result is still fresh enough
   * @return a future that completes (never exceptionally) by the check's timeout
   */
  public CompletableFuture<HealthCheckResult> start(
      RegisteredCheck check, Predicate<HealthCheckResult> reuse) {
    synchronized (check) {
      CompletableFuture<HealthCheckResult> current = check.inFlight;
      if (current != null && !current.isDone()) {
        return current;
      }
      HealthCheckResult last = check.last();
      if (last != null && reuse.test(last)) {
        return CompletableFuture.completedFuture(last);
      }
      CompletableFuture<HealthCheckResult> run = new CompletableFuture<>();
      check.inFlight = run;
      Attempt attempt = new Attempt(check, run);
      if (pool.isShutdown()) {
        attempt.complete(HealthCheckResult.unhealthy("not run: health registry closed"), 0);
      } else if (check.executing) {
        // The previous run timed out and its thread is still stuck: never stack a second one.
        attempt.complete(
            HealthCheckResult.unhealthy("not run: previous run still blocked after timeout"), 0);
      } else {
        check.attempt = attempt;
        try {
          pool.execute(attempt);
          ScheduledFuture<?> timeout =
              timer.schedule(
                  () -> attempt.expire("timeout after " + check.timeoutMillis + " ms"),
                  check.timeoutMillis,
                  TimeUnit.MILLISECONDS);
          run.whenComplete((r, e) -> timeout.cancel(false));
        } catch (RejectedExecutionException e) {
          attempt.complete(HealthCheckResult.unhealthy("not run: too many checks in flight"), 0);
        }
      }
      return run;
    }
  }

  /**
   * Ends a run early (report deadline reached): it becomes unhealthy and is cancelled.
   *
   * @param check the check
   * @param error the error text
   */
  public void expire(RegisteredCheck check, String error) {
    Attempt attempt = check.attempt;
    if (attempt != null) {
      attempt.expire(error);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    timer.shutdownNow();
  }

  /** One run of one check. */
  final class Attempt implements Runnable {
    private final RegisteredCheck check;
    private final CompletableFuture<HealthCheckResult> run;
    private final long startNanos = System.nanoTime();
    private @Nullable CancelScope scope;
    private boolean cancelled;
    private boolean finished;

    Attempt(RegisteredCheck check, CompletableFuture<HealthCheckResult> run) {
      this.check = check;
      this.run = run;
    }

    @Override
    public void run() {
      CancelScope entered;
      synchronized (this) {
        if (cancelled || finished) {
          return;
        }
        check.executing = true;
        entered = CancelScope.enter();
        scope = entered;
      }
      HealthCheckResult result;
      try {
        HealthCheckResult returned = check.check.check();
        result =
            returned != null ? returned : HealthCheckResult.unhealthy("check returned no result");
      } catch (InterruptedException e) {
        result = HealthCheckResult.unhealthy("interrupted");
      } catch (Exception | LinkageError | StackOverflowError e) {
        result =
            HealthCheckResult.unhealthy(
                ErrorTexts.describe(e, HealthCheckResult.MAX_ERROR_LENGTH, List.of()));
      } finally {
        entered.exit();
        check.executing = false;
      }
      complete(result, elapsedMillis());
    }

    void expire(String error) {
      CancelScope toCancel;
      synchronized (this) {
        cancelled = true;
        toCancel = scope;
      }
      if (complete(HealthCheckResult.unhealthy(error), elapsedMillis()) && toCancel != null) {
        toCancel.cancel();
      }
    }

    boolean complete(HealthCheckResult result, double millis) {
      HealthCheckResult timed = result.withTiming(millis, clock.instant());
      synchronized (this) {
        if (finished) {
          return false;
        }
        finished = true;
        check.setLast(timed);
      }
      // Listeners (metrics) see the result before any waiting report returns.
      for (HealthCheckListener listener : listeners) {
        try {
          listener.onResult(check.name, timed);
        } catch (RuntimeException | LinkageError ignored) {
          // A broken listener must never break health reporting.
        }
      }
      run.complete(timed);
      return true;
    }

    private double elapsedMillis() {
      return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
