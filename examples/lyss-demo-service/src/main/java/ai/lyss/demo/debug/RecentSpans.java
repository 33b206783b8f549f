package ai.lyss.demo.debug;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A span exporter that keeps the last {@link #CAPACITY} finished spans in memory, oldest dropped
 * first, for {@code /debug/traces}. Exporting is a copy into a bounded buffer, so it never blocks
 * the request that ended the span.
 */
public final class RecentSpans implements SpanExporter {

  /** Spans kept at most. */
  public static final int CAPACITY = 2_000;

  private final ArrayDeque<SpanData> spans = new ArrayDeque<>(CAPACITY);

  @Override
  public CompletableResultCode export(Collection<SpanData> batch) {
    synchronized (spans) {
      for (SpanData span : batch) {
        if (spans.size() == CAPACITY) {
          spans.removeFirst();
        }
        spans.addLast(span);
      }
    }
    return CompletableResultCode.ofSuccess();
  }

  /** The kept spans, newest first. */
  public List<SpanData> newestFirst() {
    synchronized (spans) {
      List<SpanData> copy = new ArrayList<>(spans.size());
      spans.descendingIterator().forEachRemaining(copy::add);
      return copy;
    }
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
