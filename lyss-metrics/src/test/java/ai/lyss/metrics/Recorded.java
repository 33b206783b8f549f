package ai.lyss.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;

/** Reads what was recorded, and waits for asynchronous recordings with a deadline. */
public final class Recorded {

  private Recorded() {}

  public static double requests(MeterRegistry registry, String... tags) {
    return search(registry, MetricCatalog.HTTP_REQUESTS, tags).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  public static long timed(MeterRegistry registry, String... tags) {
    return search(registry, MetricCatalog.HTTP_REQUEST_DURATION, tags).timers().stream()
        .mapToLong(Timer::count)
        .sum();
  }

  public static double counter(MeterRegistry registry, MetricDefinition metric, String... tags) {
    return search(registry, metric, tags).counters().stream().mapToDouble(Counter::count).sum();
  }

  public static Search search(MeterRegistry registry, MetricDefinition metric, String... tags) {
    return registry.find(metric.meterName()).tags(tags);
  }
}
