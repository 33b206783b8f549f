package ai.lyss.metrics;

/** The Prometheus type of a catalog metric. */
public enum MetricType {
  /** A monotonically increasing count; exposed with the {@code _total} suffix. */
  COUNTER,
  /** A value that goes up and down. */
  GAUGE,
  /**
   * Observations counted into fixed buckets, with {@code _bucket}, {@code _sum}, {@code _count}.
   */
  HISTOGRAM
}
