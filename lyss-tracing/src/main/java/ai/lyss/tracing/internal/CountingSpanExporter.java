package ai.lyss.tracing.internal;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SpanExporter} that counts failed exports and reports an outage twice: one WARNING when
 * exports start failing (collector unreachable, hung or refusing), one INFO when one succeeds
 * again. Nothing is logged per failed batch and no stack trace is written.
 */
public final class CountingSpanExporter extends ForwardingSpanExporter {

  private static final TracingLog LOG = TracingLog.of(CountingSpanExporter.class);

  private final SpanPipelineCounters counters;
  private final String target;
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicLong failingSinceNanos = new AtomicLong();
  private final AtomicLong failedSpansBefore = new AtomicLong();
  private final AtomicLong failedExportsBefore = new AtomicLong();

  /**
   * Wraps an exporter.
   *
   * @param delegate the real exporter
   * @param counters where failures are counted
   * @param target what the exporter sends to, for the outage messages (for example {@code OTLP
   *     export to http://collector:4318/v1/traces})
   */
  public CountingSpanExporter(SpanExporter delegate, SpanPipelineCounters counters, String target) {
    super(delegate);
    this.counters = requireNonNull(counters, "counters");
    this.target = requireNonNull(target, "target");
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    int size = spans.size();
    CompletableResultCode result;
    try {
      result = delegate.export(spans);
    } catch (RuntimeException e) {
      failed(size, e);
      return CompletableResultCode.ofFailure();
    }
    result.whenComplete(
        () -> {
          if (result.isSuccess()) {
            succeeded();
          } else {
            failed(size, result.getFailureThrowable());
          }
        });
    return result;
  }

  /** Whether the last export failed. */
  public boolean isFailing() {
    return failing.get();
  }

  private void failed(int spans, @Nullable Throwable error) {
    counters.addExportFailed(spans);
    if (failing.compareAndSet(false, true)) {
      failingSinceNanos.set(System.nanoTime());
      failedSpansBefore.set(counters.exportFailedSpans() - spans);
      failedExportsBefore.set(counters.failedExports() - 1);
      LOG.warn(
          target
              + " is failing ("
              + reason(error)
              + "): spans are counted in lyss_tracing_spans_export_failed_total and dropped until"
              + " an export succeeds again, which will be logged; no further message per batch",
          null);
    }
  }

  private void succeeded() {
    if (failing.compareAndSet(true, false)) {
      long seconds = (System.nanoTime() - failingSinceNanos.get()) / 1_000_000_000L;
      LOG.info(
          target
              + " recovered after "
              + seconds
              + " s: "
              + (counters.failedExports() - failedExportsBefore.get())
              + " exports with "
              + (counters.exportFailedSpans() - failedSpansBefore.get())
              + " spans failed meanwhile");
    }
  }

  /**
   * The most telling cause, as {@code ConnectException: Connection refused}: the innermost one with
   * a message, past wrappers (OpenTelemetry's own, and any whose message is its cause's); the
   * outermost past the wrappers if none has one.
   */
  static String reason(@Nullable Throwable error) {
    if (error == null) {
      return "no cause reported";
    }
    Throwable chosen = null;
    Throwable first = null;
    int depth = 0;
    for (Throwable t = error; t != null && depth < 16; t = t.getCause(), depth++) {
      if (isWrapper(t)) {
        continue;
      }
      if (first == null) {
        first = t;
      }
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        chosen = t;
      }
    }
    Throwable shown = chosen != null ? chosen : first != null ? first : error;
    String message = shown.getMessage();
    String text =
        shown.getClass().getSimpleName()
            + (message == null || message.isBlank() ? "" : ": " + message.strip());
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  /** OpenTelemetry's own wrapper, or one whose message only repeats its cause's. */
  private static boolean isWrapper(Throwable t) {
    Throwable cause = t.getCause();
    return t.getClass().getName().contains("FailedExportException")
        || (cause != null && cause.toString().equals(t.getMessage()));
  }
}
