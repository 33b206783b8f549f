package ai.lyss.tracing.micrometer;

import static java.util.Objects.requireNonNull;

import ai.lyss.tracing.LyssTracing;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Exposes what the span pipeline loses as Micrometer counters, so an unreachable or slow collector
 * shows on the dashboards:
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>Micrometer name</th><th>Prometheus name</th><th>meaning</th></tr>
 * <tr><td>{@value #SPANS_DROPPED}</td><td>{@code lyss_tracing_spans_dropped_total}</td>
 *     <td>spans dropped because a batch queue was full</td></tr>
 * <tr><td>{@value #SPANS_EXPORT_FAILED}</td><td>{@code lyss_tracing_spans_export_failed_total}</td>
 *     <td>spans whose export failed</td></tr>
 * <tr><td>{@value #EXPORTS_FAILED}</td><td>{@code lyss_tracing_exports_failed_total}</td>
 *     <td>export requests (batches) that failed</td></tr>
 * </table>
 */
public final class TracingMetrics implements MeterBinder {

  /** Micrometer name of the dropped-spans counter. */
  public static final String SPANS_DROPPED = "lyss.tracing.spans.dropped";

  /** Micrometer name of the failed-export counter. */
  public static final String SPANS_EXPORT_FAILED = "lyss.tracing.spans.export.failed";

  /** Micrometer name of the failed export requests counter. */
  public static final String EXPORTS_FAILED = "lyss.tracing.exports.failed";

  private final LyssTracing tracing;

  /**
   * Metrics of a running {@link LyssTracing}.
   *
   * @param tracing the tracing instance
   */
  public TracingMetrics(LyssTracing tracing) {
    this.tracing = requireNonNull(tracing, "tracing");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder(SPANS_DROPPED, tracing, LyssTracing::droppedSpans)
        .description("Spans dropped because the span export queue was full")
        .register(registry);
    FunctionCounter.builder(SPANS_EXPORT_FAILED, tracing, LyssTracing::exportFailedSpans)
        .description("Spans whose OTLP export failed (collector unreachable, slow or refusing)")
        .register(registry);
    FunctionCounter.builder(EXPORTS_FAILED, tracing, LyssTracing::failedExports)
        .description("Span export requests (batches) that failed")
        .register(registry);
  }
}
