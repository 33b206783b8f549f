package ai.lyss.metrics.internal;

import ai.lyss.metrics.MetricDefinition;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A counter family registered directly with the Prometheus registry, for catalog names that the
 * Prometheus client's name sanitising would otherwise cut: it strips the reserved suffixes {@code
 * _created}, {@code _bucket} and {@code _info} from Micrometer names, so a Micrometer counter named
 * {@code conversations.created} is exposed as {@code conversations_total}. This family keeps the
 * catalog name ({@code conversations_created_total}) exactly.
 */
final class ReservedSuffixCounter implements Collector {

  private static final List<String> RESERVED = List.of("_created", "_bucket", "_info", "_total");

  private final MetricDefinition metric;
  private final String baseName;
  private final CopyOnWriteArrayList<Series> series = new CopyOnWriteArrayList<>();

  private ReservedSuffixCounter(MetricDefinition metric, String baseName) {
    this.metric = metric;
    this.baseName = baseName;
  }

  /** Whether Micrometer's Prometheus registry would expose this counter under another name. */
  static boolean needed(MetricDefinition metric) {
    String base = metric.name().substring(0, metric.name().length() - "_total".length());
    return RESERVED.stream().anyMatch(base::endsWith);
  }

  static ReservedSuffixCounter of(MetricDefinition metric) {
    return new ReservedSuffixCounter(
        metric, metric.name().substring(0, metric.name().length() - "_total".length()));
  }

  /** Adds a series; the caller caches it. */
  DoubleAdder series(String... labelValues) {
    DoubleAdder value = new DoubleAdder();
    List<String> keys = metric.labelKeys();
    Labels labels = Labels.of(keys.toArray(new String[0]), labelValues.clone());
    series.add(new Series(labels, value));
    return value;
  }

  @Override
  public MetricSnapshot collect() {
    CounterSnapshot.Builder builder = CounterSnapshot.builder().name(baseName).help(metric.help());
    for (Series s : series) {
      builder.dataPoint(
          CounterSnapshot.CounterDataPointSnapshot.builder()
              .labels(s.labels())
              .value(s.value().sum())
              .build());
    }
    return builder.build();
  }

  private record Series(Labels labels, DoubleAdder value) {}
}
