package ai.lyss.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One metric of the platform catalog, as Prometheus exposes it.
 *
 * @param name the exposition name exactly as on {@code /metrics} ({@code http_requests_total}; for
 *     a histogram the base name without {@code _bucket}/{@code _sum}/{@code _count})
 * @param type the Prometheus type
 * @param labelKeys the label keys, always all present on every series, in catalog order
 * @param help the HELP text
 * @param buckets the histogram bucket upper bounds in seconds (without {@code +Inf}); empty unless
 *     {@link MetricType#HISTOGRAM}
 */
public record MetricDefinition(
    String name, MetricType type, List<String> labelKeys, String help, List<Double> buckets) {

  /** Validates and copies the lists. */
  public MetricDefinition {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(help, "help");
    labelKeys = List.copyOf(requireNonNull(labelKeys, "labelKeys"));
    buckets = List.copyOf(requireNonNull(buckets, "buckets"));
    if ((type == MetricType.HISTOGRAM) == buckets.isEmpty()) {
      throw new IllegalArgumentException(name + ": buckets are required for histograms only");
    }
  }

  /**
   * The Micrometer meter name this metric is registered under: the exposition name in dot form
   * without the suffix that the Prometheus naming convention appends ({@code _total} for counters,
   * {@code _seconds} for timers), so the scrape shows {@link #name()} exactly.
   */
  public String meterName() {
    String base = name;
    if (type == MetricType.COUNTER && base.endsWith("_total")) {
      base = base.substring(0, base.length() - "_total".length());
    } else if (type == MetricType.HISTOGRAM && base.endsWith("_seconds")) {
      base = base.substring(0, base.length() - "_seconds".length());
    }
    return base.replace('_', '.');
  }
}
