package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgrammaticTracedTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final LyssTracing tracing = TestTracing.start(spans);

  @AfterEach
  void close() {
    tracing.close();
  }

  @Test
  void tracedReturnsTheResultInASuccessfulSpan() {
    assertThat(tracing.traced("route request", () -> 42)).isEqualTo(42);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getName()).isEqualTo("route request");
    assertThat(span.getAttributes().get(TracingAttributes.FUNCTION_RESULT)).isEqualTo("success");
  }

  @Test
  void tracedRethrowsCheckedExceptionsUnchanged() {
    assertThatThrownBy(
            () ->
                tracing.tracedRun(
                    "read",
                    () -> {
                      throw new IOException("disk");
                    }))
        .isExactlyInstanceOf(IOException.class);
    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(TracingAttributes.ERROR_TYPE))
        .isEqualTo("java.io.IOException");
  }

  @Test
  void theSpanIsCurrentInsideTheCall() {
    AtomicReference<String> inside = new AtomicReference<>();
    tracing.tracedRun("outer", () -> inside.set(Span.current().getSpanContext().getSpanId()));
    assertThat(inside.get()).isEqualTo(spans.getFinishedSpanItems().get(0).getSpanId());
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }
}
