package ai.lyss.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** A LyssTracing that keeps spans in memory, ignores the real environment and the global. */
final class TestTracing {
  private TestTracing() {}

  static LyssTracingBuilder builder(InMemorySpanExporter exporter) {
    return LyssTracing.builder()
        .serviceName("test-service")
        .registerGlobal(false)
        .otlpExport(false)
        .envLookup(name -> null)
        .addSpanProcessor(SimpleSpanProcessor.create(exporter));
  }

  static LyssTracing start(InMemorySpanExporter exporter) {
    return builder(exporter).build();
  }
}
