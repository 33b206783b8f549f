package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

class TraceCorrelationTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";

  private LogCapture capture;

  @AfterEach
  void tearDown() {
    MDC.clear();
    capture.close();
  }

  private static void inSpan(Runnable action) {
    SpanContext context =
        SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
    Scope scope = Span.wrap(context).makeCurrent();
    try {
      action.run();
    } finally {
      scope.close();
    }
  }

  @Test
  void currentOpenTelemetrySpanAppearsInTheContextPosition() {
    capture = LogCapture.sync();
    MDC.put("request_id", "req-9");
    inSpan(() -> capture.structured("t").info("in span", Fields.of("k", 1)));

    JsonNode line = capture.single();
    assertThat(List.copyOf(line.propertyNames()).subList(7, 11))
        .containsExactly("request_id", "trace_id", "span_id", "k");
    assertThat(line.get("trace_id").stringValue()).isEqualTo(TRACE_ID);
    assertThat(line.get("span_id").stringValue()).isEqualTo(SPAN_ID);
  }

  @Test
  void mdcTraceIdsFromTracingAreWrittenOnceAndWin() {
    capture = LogCapture.sync();
    MDC.put("trace_id", "11111111111111111111111111111111");
    MDC.put("span_id", "2222222222222222");
    inSpan(() -> capture.structured("t").info("both"));

    JsonNode line = capture.single();
    assertThat(line.get("trace_id").stringValue()).isEqualTo("11111111111111111111111111111111");
    assertThat(line.get("span_id").stringValue()).isEqualTo("2222222222222222");
    assertThat(line.propertyNames()).doesNotContain("trace_id_2", "span_id_2");
  }

  @Test
  void noSpanMeansNoTraceFields() {
    capture = LogCapture.sync();
    capture.structured("t").info("outside");

    assertThat(capture.single().has("trace_id")).isFalse();
  }

  @Test
  void asyncAppenderKeepsTheSpanOfTheLoggingThread() {
    capture = LogCapture.async(async -> {});
    inSpan(() -> capture.structured("t").info("async in span"));

    Poll.until("one line", Duration.ofSeconds(30), () -> capture.rawLines().size() == 1);
    JsonNode line = capture.single();
    assertThat(line.get("trace_id").stringValue()).isEqualTo(TRACE_ID);
    assertThat(line.get("span_id").stringValue()).isEqualTo(SPAN_ID);
    assertThat(line.get("thread").stringValue()).isEqualTo(Thread.currentThread().getName());
  }
}
