package ai.lyss.tracing.internal;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** A {@link SpanExporter} that counts the spans of failed exports. */
public final class CountingSpanExporter implements SpanExporter {

  private final SpanExporter delegate;
  private final SpanPipelineCounters counters;

  /**
   * Wraps an exporter.
   *
   * @param delegate the real exporter
   * @param counters where failures are counted
   */
  public CountingSpanExporter(SpanExporter delegate, SpanPipelineCounters counters) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.counters = requireNonNull(counters, "counters");
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    int size = spans.size();
    CompletableResultCode result;
    try {
      result = delegate.export(spans);
    } catch (RuntimeException e) {
      counters.addExportFailed(size);
      return CompletableResultCode.ofFailure();
    }
    result.whenComplete(
        () -> {
          if (!result.isSuccess()) {
            counters.addExportFailed(size);
          }
        });
    return result;
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public String toString() {
    return "CountingSpanExporter{" + delegate + "}";
  }
}
