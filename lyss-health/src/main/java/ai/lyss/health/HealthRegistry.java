package ai.lyss.health;

import static java.util.Objects.requireNonNull;

import ai.lyss.health.internal.CheckExecutor;
import ai.lyss.health.internal.DownstreamCheck;
import ai.lyss.health.internal.RegisteredCheck;
import ai.lyss.health.internal.ReportRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Named health checks, run concurrently on a bounded executor, each under its own timeout and all
 * inside an overall deadline, so a report always returns in bounded time.
 *
 * <pre>{@code
 * HealthRegistry health = HealthRegistry.builder()
 *     .register("postgres", JdbcHealthCheck.of(dataSource))
 *     .register("redis", RedisHealthCheck.of(URI.create("redis://redis:6379")),
 *         CheckOptions.readiness().critical(false))
 *     .cacheTtl(Duration.ofSeconds(2))
 *     .build();
 * HealthReport ready = health.readiness();
 * }</pre>
 *
 * <p>Groups: {@link #liveness()} runs only checks registered with {@link CheckOptions#liveness()};
 * {@link #readiness()} and {@link #report()} run every check. Close the registry to stop its
 * threads.
 */
public final class HealthRegistry implements AutoCloseable {

  /** Default per-check timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** Default deadline for a whole report. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(6);

  /** Default number of checks run at once. */
  public static final int DEFAULT_MAX_CONCURRENCY = 8;

  private final List<RegisteredCheck> checks;
  private final CheckExecutor executor;
  private final ReportRunner runner;

  private HealthRegistry(Builder b) {
    this.executor = new CheckExecutor(b.maxConcurrency, b.clock, b.listeners);
    List<RegisteredCheck> list = new ArrayList<>();
    b.checks.forEach(
        (name, spec) -> {
          Duration t = spec.options.timeout();
          long timeout = (t == null ? b.defaultTimeout : t).toMillis();
          list.add(
              new RegisteredCheck(
                  name, spec.check, spec.options.isLiveness(), spec.options.isCritical(), timeout));
        });
    this.checks = List.copyOf(list);
    this.runner =
        new ReportRunner(
            checks, executor, b.clock, b.deadline, b.cacheTtl, b.refreshPeriod != null);
    for (HealthCheckListener listener : b.listeners) {
      checks.forEach(c -> listener.onRegistered(c.name()));
    }
    Duration period = b.refreshPeriod;
    if (period != null) {
      executor
          .timer()
          .scheduleWithFixedDelay(runner::refreshAll, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** A builder with the defaults listed in the README. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every check: the {@code /health} report. */
  public HealthReport report() {
    return run(c -> true);
  }

  /** Only liveness checks: the {@code /health/live} report (healthy when there are none). */
  public HealthReport liveness() {
    return run(RegisteredCheck::liveness);
  }

  /** Every check, liveness and dependencies: the {@code /health/ready} report. */
  public HealthReport readiness() {
    return run(c -> true);
  }

  /** The registered check names, in registration order. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    checks.forEach(c -> names.add(c.name()));
    return names;
  }

  /** Stops the executor, the timer and background refresh. Later reports are unhealthy. */
  @Override
  public void close() {
    executor.close();
  }

  private HealthReport run(Predicate<RegisteredCheck> group) {
    return runner.run(group);
  }

  /** Builds a {@link HealthRegistry}; every setting is validated when set. */
  public static final class Builder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:/@-]{1,64}");

    private final Map<String, Spec> checks = new LinkedHashMap<>();
    private final List<HealthCheckListener> listeners = new ArrayList<>();
    private Duration defaultTimeout = DEFAULT_TIMEOUT;
    private Duration deadline = DEFAULT_DEADLINE;
    private Duration cacheTtl = Duration.ZERO;
    private @Nullable Duration refreshPeriod;
    private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Registers a critical readiness check.
     *
     * @param name unique name, 1-64 of {@code A-Z a-z 0-9 _ . : / @ -} (the report's {@code
     *     service})
     * @param check the check
     */
    public Builder register(String name, HealthCheck check) {
      return register(name, check, CheckOptions.readiness());
    }

    /**
     * Registers a check with options.
     *
     * @param name unique name, 1-64 of {@code A-Z a-z 0-9 _ . : / @ -}
     * @param check the check
     * @param options group, criticality, timeout
     */
    public Builder register(String name, HealthCheck check, CheckOptions options) {
      requireNonNull(name, "name");
      requireNonNull(check, "check");
      requireNonNull(options, "options");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "health check name '"
                + name
                + "' is invalid: use 1-64 characters from A-Z a-z 0-9 _ . : / @ -");
      }
      if (checks.containsKey(name)) {
        throw new IllegalArgumentException(
            "health check '" + name + "' is registered twice: give each check a unique name");
      }
      if (options.isLiveness() && check instanceof DownstreamCheck) {
        throw new IllegalArgumentException(
            "health check '"
                + name
                + "' probes a downstream dependency and cannot be a liveness check (a restart"
                + " never fixes a dependency): register it with CheckOptions.readiness()");
      }
      checks.put(name, new Spec(check, options));
      return this;
    }

    /**
     * Timeout of each check unless its options say otherwise (default 5 s).
     *
     * @param timeout positive duration
     */
    public Builder defaultTimeout(Duration timeout) {
      this.defaultTimeout = positive(timeout, "defaultTimeout");
      return this;
    }

    /**
     * Deadline of a whole report: checks still running then are reported as timed out and cancelled
     * (default 6 s). Keep it below the probe's {@code timeoutSeconds}.
     *
     * @param deadline positive duration
     */
    public Builder deadline(Duration deadline) {
      this.deadline = positive(deadline, "deadline");
      return this;
    }

    /**
     * Reuse a result younger than {@code ttl} instead of running the check again, so frequent
     * probes never hammer a dependency (default zero: every report runs the checks; concurrent
     * reports always share one run).
     *
     * @param ttl zero or positive duration
     */
    public Builder cacheTtl(Duration ttl) {
      requireNonNull(ttl, "cacheTtl");
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("cacheTtl must be >= 0, got " + ttl);
      }
      this.cacheTtl = ttl;
      return this;
    }

    /**
     * Run every check in the background every {@code period}; reports then return the latest
     * results at once and never run checks themselves (default off). A check that has not finished
     * once is reported unhealthy ({@code not checked yet}).
     *
     * @param period positive duration
     */
    public Builder backgroundRefresh(Duration period) {
      this.refreshPeriod = positive(period, "backgroundRefresh");
      return this;
    }

    /**
     * Most checks running at once (default 8); further checks queue.
     *
     * @param maxConcurrency at least 1
     */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1 || maxConcurrency > 256) {
        throw new IllegalArgumentException(
            "maxConcurrency must be between 1 and 256, got " + maxConcurrency);
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /**
     * Receives every result, for example {@code HealthMetrics} for Micrometer.
     *
     * @param listener the listener
     */
    public Builder listener(HealthCheckListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Clock for timestamps and cache age (default UTC system clock).
     *
     * @param clock the clock
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the registry and starts its threads (and background refresh, if set). */
    public HealthRegistry build() {
      return new HealthRegistry(this);
    }

    private static Duration positive(Duration d, String setting) {
      requireNonNull(d, setting);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(
            setting + " must be positive, got " + d + ": use e.g. Duration.ofSeconds(5)");
      }
      return d;
    }

    private record Spec(HealthCheck check, CheckOptions options) {}
  }
}
