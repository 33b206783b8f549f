package ai.lyss.examples.spring;

import ai.lyss.testing.OtlpReceiver;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The demo's trace backend in tests: lyss-test-support's OTLP/HTTP receiver (it decodes each export
 * with the official OpenTelemetry protobuf classes, as a collector or Jaeger would), plus the
 * attribute lookups the demo's assertions read.
 */
final class OtlpTraces implements AutoCloseable {

  private final OtlpReceiver receiver;

  OtlpTraces() {
    try {
      receiver = new OtlpReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String tracesUrl() {
    return receiver.tracesUrl();
  }

  /** Every span received so far. */
  List<Span> spans() {
    return receiver.spans();
  }

  /** The resource attribute of the first export, or {@code ""}. */
  String resourceAttribute(String key) {
    List<ResourceSpans> received = receiver.resourceSpans();
    return received.isEmpty() ? "" : value(received.get(0).getResource().getAttributesList(), key);
  }

  /** A span's string attribute, or {@code ""}. */
  static String attribute(Span span, String key) {
    return value(span.getAttributesList(), key);
  }

  private static String value(List<KeyValue> attributes, String key) {
    for (KeyValue attribute : attributes) {
      if (attribute.getKey().equals(key)) {
        return attribute.getValue().getStringValue();
      }
    }
    return "";
  }

  @Override
  public void close() {
    receiver.close();
  }
}
