package ai.lyss.monitoring;

import ai.lyss.metrics.MetricCatalog;
import ai.lyss.metrics.MetricDefinition;
import ai.lyss.metrics.MetricType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The series names the lyss-metrics catalog exposes and the labels each carries, read from {@link
 * MetricCatalog} itself, plus the names our configuration may use besides them.
 */
final class CatalogNames {

  /**
   * Labels Prometheus attaches to every scraped series (job, instance, and the service target label
   * of prometheus.yml) or Prometheus adds to alerts (cluster, from external_labels).
   */
  static final Set<String> TARGET_LABELS = Set.of("job", "instance", "service", "cluster");

  /**
   * Infrastructure metrics from exporters, not from our library: allowed by name here because the
   * catalog cannot know them. {@code up} is Prometheus's own scrape-health series; the node memory
   * gauges come from node-exporter (HighMemoryUsage).
   */
  static final Set<String> INFRASTRUCTURE_METRICS =
      Set.of("up", "node_memory_MemTotal_bytes", "node_memory_MemAvailable_bytes");

  private CatalogNames() {}

  /** Every exposed series name of the catalog with its labels (histograms expanded). */
  static Map<String, Set<String>> seriesLabels() {
    Map<String, Set<String>> series = new LinkedHashMap<>();
    for (MetricDefinition metric : MetricCatalog.all()) {
      Set<String> labels = Set.copyOf(metric.labelKeys());
      if (metric.type() == MetricType.HISTOGRAM) {
        Set<String> withLe = new LinkedHashSet<>(labels);
        withLe.add("le");
        series.put(metric.name() + "_bucket", Set.copyOf(withLe));
        series.put(metric.name() + "_sum", labels);
        series.put(metric.name() + "_count", labels);
      } else {
        series.put(metric.name(), labels);
      }
    }
    return series;
  }

  /** The catalog histogram a {@code _bucket} series belongs to. */
  static Optional<MetricDefinition> histogramOfBucket(String seriesName) {
    return MetricCatalog.all().stream()
        .filter(metric -> metric.type() == MetricType.HISTOGRAM)
        .filter(metric -> seriesName.equals(metric.name() + "_bucket"))
        .findFirst();
  }

  /** Series names of catalog metrics carrying {@code label}. */
  static Set<String> metricsWithLabel(String label) {
    Set<String> names = new LinkedHashSet<>();
    seriesLabels()
        .forEach(
            (name, labels) -> {
              if (labels.contains(label)) {
                names.add(name);
              }
            });
    return names;
  }
}
