package ai.lyss.benchmarks.chain;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

/** Discards every span, successfully, counting them. */
final class DiscardingSpanExporter implements SpanExporter {

  private final LongAdder exported = new LongAdder();

  long exported() {
    return exported.sum();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    exported.add(spans.size());
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
