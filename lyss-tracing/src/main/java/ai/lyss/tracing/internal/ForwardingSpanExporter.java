package ai.lyss.tracing.internal;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * A span exporter that wraps another: flush, shutdown and the description go to the wrapped one;
 * subclasses decide what {@code export} does on the way.
 */
abstract class ForwardingSpanExporter implements SpanExporter {

  /** The exporter that receives the spans. */
  final SpanExporter delegate;

  ForwardingSpanExporter(SpanExporter delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  @Override
  public final CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public final CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + "{" + delegate + "}";
  }
}
