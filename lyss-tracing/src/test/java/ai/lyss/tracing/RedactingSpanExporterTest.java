package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.SecretShapes;
import ai.lyss.core.SecretShapes.Shape;
import ai.lyss.tracing.internal.RedactingSpanExporter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Spans from other instrumentation, recorded with the plain SDK, pass through the safety net. */
class RedactingSpanExporterTest {

  private static final String KEY = "sk-proj-AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH1234";

  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(new RedactingSpanExporter(exported)))
          .build();
  private final Tracer tracer = provider.get("other-instrumentation");

  @AfterEach
  void close() {
    provider.close();
  }

  static List<Shape> shapes() {
    return SecretShapes.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void noShapeSurvivesInAnyTextOfASpanRecordedByOtherInstrumentation(Shape shape) {
    Span span =
        tracer
            .spanBuilder("GET /v1/conversations/" + shape.text())
            .setAttribute("url.full", "https://gw.example/v1/x?q=" + shape.text())
            .setAttribute(
                AttributeKey.stringArrayKey("http.request.header.x-debug"),
                List.of("ok", shape.text()))
            .startSpan();
    span.recordException(new IllegalStateException("No conversation '" + shape.text() + "'"));
    span.setStatus(StatusCode.ERROR, shape.text());
    span.end();

    assertThat(strings(exported.getFinishedSpanItems().get(0)))
        .noneMatch(text -> text.contains(shape.secret()));
  }

  @Test
  void aValueUnderASensitiveKeyIsMaskedWhole() {
    tracer
        .spanBuilder("call")
        .setAttribute("http.request.header.cookie", "sid=zz9988776655")
        .startSpan()
        .end();

    assertThat(
            exported
                .getFinishedSpanItems()
                .get(0)
                .getAttributes()
                .get(AttributeKey.stringKey("http.request.header.cookie")))
        .isEqualTo("[REDACTED]");
  }

  @Test
  void aSpanWithNothingToMaskIsPassedOnAsTheSameObject() {
    InMemorySpanExporter recorded = InMemorySpanExporter.create();
    try (SdkTracerProvider plain =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(recorded))
            .build()) {
      plain
          .get("t")
          .spanBuilder("GET /v1/chat/completions")
          .setAttribute("http.response.status_code", 200L)
          .setAttribute("user_agent.original", "curl/8.5.0")
          .startSpan()
          .end();
      SpanData span = recorded.getFinishedSpanItems().get(0);

      new RedactingSpanExporter(exported).export(List.of(span));

      assertThat(exported.getFinishedSpanItems()).singleElement().isSameAs(span);
    }
  }

  @Test
  void onlyTheMaskedTextsChange() {
    tracer
        .spanBuilder("lookup")
        .setAttribute("conversation", KEY)
        .setAttribute("count", 3L)
        .startSpan()
        .end();

    SpanData span = exported.getFinishedSpanItems().get(0);
    assertThat(span.getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("conversation"), "[REDACTED]")
        .containsEntry(AttributeKey.longKey("count"), 3L);
    assertThat(span.getName()).isEqualTo("lookup");
  }

  private static List<String> strings(SpanData span) {
    List<String> out = new ArrayList<>();
    out.add(span.getName());
    out.add(span.getStatus().getDescription());
    collect(span.getAttributes(), out);
    for (EventData event : span.getEvents()) {
      collect(event.getAttributes(), out);
    }
    return out;
  }

  private static void collect(Attributes attributes, List<String> out) {
    attributes.forEach((key, value) -> out.add(String.valueOf(value)));
  }
}
