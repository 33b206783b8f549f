package ai.lyss.metrics.internal;

import io.opentelemetry.api.trace.Span;
import io.prometheus.metrics.tracer.common.SpanContext;
import org.jspecify.annotations.Nullable;

/** Exemplar source reading the current OpenTelemetry span; loaded only when OTel is present. */
final class OtelSpanContext implements SpanContext {

  static final OtelSpanContext INSTANCE = new OtelSpanContext();

  private OtelSpanContext() {}

  @Override
  public @Nullable String getCurrentTraceId() {
    io.opentelemetry.api.trace.SpanContext context = Span.current().getSpanContext();
    return context.isValid() ? context.getTraceId() : null;
  }

  @Override
  public @Nullable String getCurrentSpanId() {
    io.opentelemetry.api.trace.SpanContext context = Span.current().getSpanContext();
    return context.isValid() ? context.getSpanId() : null;
  }

  @Override
  public boolean isCurrentSpanSampled() {
    return Span.current().getSpanContext().isSampled();
  }

  @Override
  public void markCurrentSpanAsExemplar() {
    Span.current().setAttribute(EXEMPLAR_ATTRIBUTE_NAME, EXEMPLAR_ATTRIBUTE_VALUE);
  }
}
