package ai.lyss.benchmarks.metrics;

import ai.lyss.metrics.HttpMetrics;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.MonitorApi;
import ai.lyss.metrics.MonitoredProxy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording one monitored call (counter + histogram, 4 labels, tenant already seen) against the
 * floor (raw Micrometer meters held in fields) and against the per-call {@code
 * Counter.builder(...).register(...)} pattern, all on the same PrometheusMeterRegistry.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'metrics.MonitoredCallBenchmark' \
 *     -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MonitoredCallBenchmark {

  /** The monitored endpoint of the proxy benchmark. */
  public interface Chat {
    /**
     * A trivial endpoint.
     *
     * @param prompt input
     * @return its length
     */
    @MonitorApi(value = "chat_completions", method = "POST")
    int complete(String prompt);
  }

  private static final Duration[] HTTP_BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofMillis(500),
    Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)
  };

  // Non-final fields, so the JIT cannot fold the label values into constants.
  String method = "POST";
  String endpoint = "/v1/chat/completions";
  String tenant = "tenant-7";
  int status = 200;
  long nanos = 1_500_000L;

  LyssMetrics metrics;
  MeterRegistry registry;
  HttpMetrics http;
  HttpMetrics.Route route;
  Counter floorCounter;
  Timer floorTimer;
  Chat proxy;
  Chat direct;

  /** Registers every series once, so each benchmark measures the "tenant already seen" case. */
  @Setup
  public void setUp() {
    metrics = LyssMetrics.builder().callTenant(() -> tenant).build();
    registry = metrics.registry();
    http = metrics.http();
    route = http.route(method, endpoint);
    for (int i = 0; i < 50; i++) {
      http.record(method, endpoint, status, "tenant-" + i, nanos);
    }
    floorCounter = perCallCounter();
    floorTimer = perCallTimer();
    direct = String::length;
    proxy = MonitoredProxy.create(Chat.class, direct, metrics);
    proxy.complete("warm");
  }

  private Counter perCallCounter() {
    return Counter.builder("http.requests")
        .description("Total HTTP requests")
        .tags("method", method, "endpoint", endpoint, "status", String.valueOf(status))
        .tag("tenant_id", tenant)
        .register(registry);
  }

  private Timer perCallTimer() {
    return Timer.builder("http.request.duration")
        .description("HTTP request duration")
        .tags("method", method, "endpoint", endpoint, "tenant_id", tenant)
        .publishPercentileHistogram(false)
        .serviceLevelObjectives(HTTP_BUCKETS)
        .register(registry);
  }

  /** The floor: meters resolved by the caller and held in fields. */
  @Benchmark
  public void floorRawMeters() {
    floorCounter.increment();
    floorTimer.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** lyss-metrics, full lookup of all four labels on every call (what the HTTP filters do). */
  @Benchmark
  public void lyssHttpRecord() {
    http.record(method, endpoint, status, tenant, nanos);
  }

  /** lyss-metrics with a pre-resolved (method, endpoint) route, as {@code @MonitorApi} uses. */
  @Benchmark
  public void lyssRouteRecord() {
    route.record(tenant, status, nanos);
  }

  /** The anti-pattern: building and registering (looking up) the meters on every call. */
  @Benchmark
  public void perCallRegistration() {
    perCallCounter().increment();
    perCallTimer().record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A whole {@code @MonitorApi} call through the dynamic proxy (reflection, two clock reads). */
  @Benchmark
  public int monitoredProxyCall() {
    return proxy.complete(endpoint);
  }

  /** The same call unmonitored, for the proxy's baseline. */
  @Benchmark
  public int directCall() {
    return direct.complete(endpoint);
  }
}
