package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RedactExportedSpansTest {

  private static final AttributeKey<String> NOTE = AttributeKey.stringKey("other.library.note");
  private static final String KEY = "sk-proj-AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH1234";

  /** Keeps what it exported after shutdown (InMemorySpanExporter clears itself on shutdown). */
  private static final class Keeping implements SpanExporter {
    final List<SpanData> spans = new CopyOnWriteArrayList<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      spans.addAll(batch);
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

  private static List<SpanData> export(boolean redact) {
    Keeping exporter = new Keeping();
    try (LyssTracing tracing =
        LyssTracing.builder()
            .serviceName("test-service")
            .registerGlobal(false)
            .otlpExport(false)
            .envLookup(name -> null)
            .addSpanExporter(exporter)
            .redactExportedSpans(redact)
            .build()) {
      // A span made by other instrumentation, which sets client text without masking it.
      Span span = tracing.tracer().spanBuilder("other").startSpan();
      span.setAttribute(NOTE, "called with " + KEY);
      span.end();
    } // close() flushes the batch processor
    return exporter.spans;
  }

  @Test
  void withTheSafetyNetSpansFromOtherInstrumentationAreMaskedOnExport() {
    assertThat(export(true))
        .singleElement()
        .satisfies(s -> assertThat(s.getAttributes().get(NOTE)).doesNotContain(KEY));
  }

  @Test
  void withoutItOnlyLyssOwnSpansAreMasked() {
    assertThat(export(false))
        .singleElement()
        .satisfies(s -> assertThat(s.getAttributes().get(NOTE)).contains(KEY));
  }
}
