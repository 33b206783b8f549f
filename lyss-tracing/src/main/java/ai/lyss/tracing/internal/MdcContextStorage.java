package ai.lyss.tracing.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * A {@link ContextStorage} that mirrors the current span into the SLF4J MDC as {@value #TRACE_ID}
 * and {@value #SPAN_ID}. Closing a scope restores exactly the values it replaced, so the MDC never
 * keeps ids of a span that is no longer current.
 */
public final class MdcContextStorage implements ContextStorage {

  /** MDC key of the current trace id (32 hex digits). */
  public static final String TRACE_ID = "trace_id";

  /** MDC key of the current span id (16 hex digits). */
  public static final String SPAN_ID = "span_id";

  private final ContextStorage delegate;

  /**
   * Wraps a storage.
   *
   * @param delegate the storage doing the real work
   */
  public MdcContextStorage(ContextStorage delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public Scope attach(Context toAttach) {
    Scope scope = delegate.attach(toAttach);
    SpanContext span = Span.fromContext(toAttach).getSpanContext();
    String previousTrace;
    String previousSpan;
    try {
      previousTrace = MDC.get(TRACE_ID);
      previousSpan = MDC.get(SPAN_ID);
      if (span.isValid()) {
        String traceId = span.getTraceId();
        String spanId = span.getSpanId();
        if (traceId.equals(previousTrace) && spanId.equals(previousSpan)) {
          return scope;
        }
        MDC.put(TRACE_ID, traceId);
        MDC.put(SPAN_ID, spanId);
      } else {
        if (previousTrace == null && previousSpan == null) {
          return scope;
        }
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
      }
    } catch (RuntimeException e) {
      return scope; // a broken MDC adapter must not break context propagation
    }
    return () -> {
      scope.close();
      restore(TRACE_ID, previousTrace);
      restore(SPAN_ID, previousSpan);
    };
  }

  private static void restore(String key, @Nullable String value) {
    try {
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    } catch (RuntimeException ignored) {
      // never throw from a scope close
    }
  }

  @Override
  public @Nullable Context current() {
    return delegate.current();
  }

  @Override
  public Context root() {
    return delegate.root();
  }
}
