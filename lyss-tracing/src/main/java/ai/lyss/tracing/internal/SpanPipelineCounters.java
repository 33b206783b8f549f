package ai.lyss.tracing.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the span pipeline loses: spans the batch processor dropped because its queue was full
 * (read from the processor's own instrumentation through a private, pull-only meter provider) and
 * spans and export requests that failed.
 */
public final class SpanPipelineCounters {

  /** The counter the SDK's batch span processor records, with {@code dropped=true} on drops. */
  static final String PROCESSED_SPANS = "processedSpans";

  static final AttributeKey<Boolean> DROPPED = AttributeKey.booleanKey("dropped");

  private final PullReader reader = new PullReader();
  private final SdkMeterProvider meterProvider =
      SdkMeterProvider.builder().registerMetricReader(reader).build();
  private final LongAdder exportFailed = new LongAdder();
  private final LongAdder failedExports = new LongAdder();

  /** The meter provider to give the batch span processors. */
  public MeterProvider meterProvider() {
    return meterProvider;
  }

  /** Spans dropped by the batch processors' bounded queues, since start. */
  public long droppedSpans() {
    long dropped = 0;
    for (MetricData metric : reader.collect()) {
      if (!PROCESSED_SPANS.equals(metric.getName())
          || metric.getType() != MetricDataType.LONG_SUM) {
        continue;
      }
      for (LongPointData point : metric.getLongSumData().getPoints()) {
        if (Boolean.TRUE.equals(point.getAttributes().get(DROPPED))) {
          dropped += point.getValue();
        }
      }
    }
    return dropped;
  }

  /** Spans whose export failed (collector unreachable, timed out or refusing), since start. */
  public long exportFailedSpans() {
    return exportFailed.sum();
  }

  /** Export requests (batches) that failed, since start. */
  public long failedExports() {
    return failedExports.sum();
  }

  void addExportFailed(int spans) {
    exportFailed.add(spans);
    failedExports.increment();
  }

  private static final class PullReader implements MetricReader {
    private volatile CollectionRegistration registration = CollectionRegistration.noop();

    @Override
    public void register(CollectionRegistration registration) {
      this.registration = registration;
    }

    java.util.Collection<MetricData> collect() {
      return registration.collectAllMetrics();
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode forceFlush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
