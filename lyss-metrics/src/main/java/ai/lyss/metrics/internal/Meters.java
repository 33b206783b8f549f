package ai.lyss.metrics.internal;

import ai.lyss.metrics.MetricDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.DoubleConsumer;

/**
 * Builds the Micrometer meters of catalog metrics with their full label set, HELP text and exactly
 * the catalog's buckets. Called only when a series is first seen; the result is cached by callers.
 */
public final class Meters {

  private final MeterRegistry registry;
  private final Map<String, ReservedSuffixCounter> reserved = new HashMap<>();

  /**
   * Creates a factory for a registry.
   *
   * @param registry where meters are registered
   */
  public Meters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The registry meters are registered with. */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * A counter of a catalog metric.
   *
   * @param metric a counter definition
   * @param labelValues one value per label key, in catalog order
   */
  public Counter counter(MetricDefinition metric, String... labelValues) {
    return Counter.builder(metric.meterName())
        .description(metric.help())
        .tags(tags(metric, labelValues))
        .register(registry);
  }

  /**
   * An increment action on a counter of a catalog metric: a Micrometer counter, or on a {@code
   * PrometheusMeterRegistry} a {@link ReservedSuffixCounter} when the name ends in a suffix the
   * Prometheus client would strip.
   *
   * @param metric a counter definition
   * @param labelValues one value per label key, in catalog order
   */
  public DoubleConsumer increments(MetricDefinition metric, String... labelValues) {
    if (registry instanceof PrometheusMeterRegistry prometheus
        && ReservedSuffixCounter.needed(metric)) {
      ReservedSuffixCounter family;
      synchronized (reserved) {
        family = reserved.get(metric.name());
        if (family == null) {
          family = ReservedSuffixCounter.of(metric);
          prometheus.getPrometheusRegistry().register(family);
          reserved.put(metric.name(), family);
        }
      }
      DoubleAdder adder = family.series(labelValues);
      return adder::add;
    }
    Counter counter = counter(metric, labelValues);
    return counter::increment;
  }

  /**
   * A timer exposed as a Prometheus histogram with only the catalog's buckets.
   *
   * @param metric a histogram definition
   * @param labelValues one value per label key, in catalog order
   */
  public Timer timer(MetricDefinition metric, String... labelValues) {
    List<Double> buckets = metric.buckets();
    Duration[] slos = new Duration[buckets.size()];
    for (int i = 0; i < slos.length; i++) {
      slos[i] = Duration.ofNanos(Math.round(buckets.get(i) * 1e9));
    }
    return Timer.builder(metric.meterName())
        .description(metric.help())
        .tags(tags(metric, labelValues))
        .publishPercentileHistogram(false)
        .serviceLevelObjectives(slos)
        .register(registry);
  }

  /**
   * A gauge reading a value held by the caller (strongly referenced by the registry).
   *
   * @param metric a gauge definition
   * @param labelValues one value per label key, in catalog order
   */
  public AtomicLong gauge(MetricDefinition metric, String... labelValues) {
    AtomicLong value = new AtomicLong();
    Gauge.builder(metric.meterName(), value, AtomicLong::get)
        .description(metric.help())
        .tags(tags(metric, labelValues))
        .strongReference(true)
        .register(registry);
    return value;
  }

  /**
   * A gauge of a value fixed at start-up (a configured price or budget).
   *
   * @param metric a gauge definition
   * @param value the value
   * @param labelValues one value per label key, in catalog order
   */
  public void fixedGauge(MetricDefinition metric, double value, String... labelValues) {
    Gauge.builder(metric.meterName(), () -> value)
        .description(metric.help())
        .tags(tags(metric, labelValues))
        .register(registry);
  }

  private static Tags tags(MetricDefinition metric, String... labelValues) {
    List<String> keys = metric.labelKeys();
    if (keys.size() != labelValues.length) {
      throw new IllegalArgumentException(
          metric.name() + " needs " + keys.size() + " label values, got " + labelValues.length);
    }
    Tags tags = Tags.empty();
    for (int i = 0; i < labelValues.length; i++) {
      tags = tags.and(keys.get(i), labelValues[i]);
    }
    return tags;
  }
}
