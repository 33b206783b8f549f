package ai.lyss.metrics.internal;

import io.micrometer.core.instrument.Counter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the distinct values one label of one metric may take. The first {@code max} distinct
 * values are admitted for the life of the process; later ones are replaced by {@link #OVERFLOW},
 * the overflow counters increase, and one warning is logged. Memory is bounded by {@code max}
 * entries.
 */
public final class LabelGuard {

  /** The label value recorded instead of a value past the cap. */
  public static final String OVERFLOW = "__overflow__";

  private static final Logger log = LoggerFactory.getLogger(LabelGuard.class);

  private final String metric;
  private final String label;
  private final int max;
  private final List<Counter> overflowCounters;
  private final ConcurrentHashMap<String, Boolean> admitted = new ConcurrentHashMap<>();
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * Creates a guard.
   *
   * @param metric exposition name of the metric, for the warning
   * @param label the guarded label key
   * @param max how many distinct values are admitted
   * @param overflowCounters counters increased once per replaced value
   */
  public LabelGuard(String metric, String label, int max, List<Counter> overflowCounters) {
    this.metric = metric;
    this.label = label;
    this.max = max;
    this.overflowCounters = List.copyOf(overflowCounters);
  }

  /**
   * The value to record: {@code value} itself when admitted (now or before), else {@link
   * #OVERFLOW}.
   *
   * @param value a sanitised label value
   */
  public String admit(String value) {
    if (admitted.containsKey(value)) {
      return value;
    }
    if (admitted.size() < max) {
      synchronized (this) {
        if (admitted.size() < max) {
          admitted.putIfAbsent(value, Boolean.TRUE);
          return value;
        }
      }
    }
    if (admitted.containsKey(value)) {
      return value;
    }
    for (Counter counter : overflowCounters) {
      counter.increment();
    }
    if (warned.compareAndSet(false, true)) {
      log.warn(
          "Metric {} reached its cap of {} distinct {} values; further values are recorded as"
              + " {}={} (see lyss_metrics_cardinality_overflow_total). Raise the cap in"
              + " LyssMetrics.builder() if the series budget allows.",
          metric,
          max,
          label,
          label,
          OVERFLOW);
    }
    return OVERFLOW;
  }

  /** How many distinct values are admitted now. */
  public int admittedCount() {
    return admitted.size();
  }
}
