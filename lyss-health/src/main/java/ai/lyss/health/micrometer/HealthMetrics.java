package ai.lyss.health.micrometer;

import static java.util.Objects.requireNonNull;

import ai.lyss.health.HealthCheckListener;
import ai.lyss.health.HealthCheckResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exports every check as two meters, named here once:
 *
 * <ul>
 *   <li>{@value #STATUS} gauge (Prometheus {@code lyss_health_check_status}), tag {@value
 *       #CHECK_TAG}: 1 healthy, 0 unhealthy or not yet run;
 *   <li>{@value #DURATION} timer (Prometheus {@code lyss_health_check_duration_seconds}), tag
 *       {@value #CHECK_TAG}: how long each run took.
 * </ul>
 *
 * <pre>{@code
 * HealthRegistry.builder().listener(HealthMetrics.create(meterRegistry))...
 * }</pre>
 */
public final class HealthMetrics implements HealthCheckListener {

  /** Gauge: 1 when the check's latest result is healthy, else 0. */
  public static final String STATUS = "lyss.health.check.status";

  /** Timer: duration of each check run. */
  public static final String DURATION = "lyss.health.check.duration";

  /** Tag naming the check. */
  public static final String CHECK_TAG = "check";

  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> states = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  private HealthMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * A listener registering its meters in {@code registry}.
   *
   * @param registry the meter registry
   */
  public static HealthMetrics create(MeterRegistry registry) {
    return new HealthMetrics(requireNonNull(registry, "registry"));
  }

  @Override
  public void onRegistered(String check) {
    state(check);
    timer(check);
  }

  @Override
  public void onResult(String check, HealthCheckResult result) {
    state(check).set(result.isHealthy() ? 1 : 0);
    timer(check).record((long) (result.responseTimeMillis() * 1_000_000), TimeUnit.NANOSECONDS);
  }

  private AtomicInteger state(String check) {
    return states.computeIfAbsent(
        check,
        name -> {
          AtomicInteger state = new AtomicInteger();
          Gauge.builder(STATUS, state, AtomicInteger::get)
              .description("Health check status: 1 healthy, 0 unhealthy or not yet run")
              .tag(CHECK_TAG, name)
              .strongReference(true)
              .register(registry);
          return state;
        });
  }

  private Timer timer(String check) {
    return timers.computeIfAbsent(
        check,
        name ->
            Timer.builder(DURATION)
                .description("Duration of health check runs")
                .tag(CHECK_TAG, name)
                .register(registry));
  }
}
