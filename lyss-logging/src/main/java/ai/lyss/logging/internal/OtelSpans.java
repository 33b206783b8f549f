package ai.lyss.logging.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.jspecify.annotations.Nullable;

/** The only class that touches OpenTelemetry; loaded only after a presence check. */
final class OtelSpans {

  private OtelSpans() {}

  static String @Nullable [] currentIds() {
    SpanContext context = Span.current().getSpanContext();
    if (!context.isValid()) {
      return null;
    }
    return new String[] {context.getTraceId(), context.getSpanId()};
  }
}
