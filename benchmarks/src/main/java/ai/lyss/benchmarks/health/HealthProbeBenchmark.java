package ai.lyss.benchmarks.health;

import ai.lyss.health.CheckOptions;
import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.HealthRegistry;
import ai.lyss.health.HealthReport;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one health probe costs the service, besides the checks' own I/O: rendering a four-check
 * report (the baseline), a probe answered from the cache, and a probe that runs four trivial checks
 * on the registry's executor (thread hand-off, timeout timer, result assembly).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'health.HealthProbeBenchmark' \
 *     -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HealthProbeBenchmark {

  private HealthRegistry cached;
  private HealthRegistry uncached;
  private HealthReport report;

  private static HealthRegistry.Builder fourChecks() {
    return HealthRegistry.builder()
        .register("self", HealthCheckResult::healthy, CheckOptions.liveness())
        .register("postgres", HealthCheckResult::healthy)
        .register("redis", () -> HealthCheckResult.unhealthy("timeout after 5000 ms"))
        .register("memory-service", HealthCheckResult::healthy);
  }

  /** Builds the registries and one report. */
  @Setup
  public void setUp() {
    cached = fourChecks().cacheTtl(Duration.ofHours(1)).build();
    uncached = fourChecks().build();
    report = uncached.readiness();
  }

  /** Stops the registries' threads. */
  @TearDown
  public void tearDown() {
    cached.close();
    uncached.close();
  }

  /**
   * Baseline: rendering an existing four-check report as JSON.
   *
   * @return the JSON
   */
  @Benchmark
  public String renderJson() {
    return report.toJson(false);
  }

  /**
   * A probe answered from the cache: report assembly plus JSON.
   *
   * @return the JSON
   */
  @Benchmark
  public String cachedProbe() {
    return cached.readiness().toJson(false);
  }

  /**
   * A probe that runs four trivial checks concurrently on the executor.
   *
   * @return the JSON
   */
  @Benchmark
  public String uncachedProbe() {
    return uncached.readiness().toJson(false);
  }
}
