package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogCorrelationTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final LyssTracing tracing = TestTracing.start(spans);

  @AfterEach
  void close() {
    tracing.close();
    MDC.clear();
  }

  @Test
  void bridgeIsActiveWhenLogbackIsPresent() {
    assertThat(LogCorrelation.install()).isTrue();
  }

  @Test
  void currentSpanIdsAreInTheMdcUnderTheContractKeys() {
    AtomicReference<String> traceId = new AtomicReference<>();
    AtomicReference<String> spanId = new AtomicReference<>();
    tracing.tracedRun(
        "logged",
        () -> {
          traceId.set(MDC.get("trace_id"));
          spanId.set(MDC.get("span_id"));
        });
    var span = spans.getFinishedSpanItems().get(0);
    assertThat(traceId.get()).isEqualTo(span.getTraceId());
    assertThat(spanId.get()).isEqualTo(span.getSpanId());
  }

  @Test
  void mdcIsCleanedWhenTheSpanIsNoLongerCurrent() {
    tracing.tracedRun("logged", () -> {});
    assertThat(MDC.get("trace_id")).isNull();
    assertThat(MDC.get("span_id")).isNull();
  }

  @Test
  void nestedScopesRestoreTheOuterSpanIds() {
    Span outer = tracing.tracer().spanBuilder("outer").startSpan();
    Scope outerScope = outer.makeCurrent();
    try {
      tracing.tracedRun(
          "inner",
          () -> assertThat(MDC.get("span_id")).isNotEqualTo(outer.getSpanContext().getSpanId()));
      assertThat(MDC.get("span_id")).isEqualTo(outer.getSpanContext().getSpanId());
    } finally {
      outerScope.close();
      outer.end();
    }
    assertThat(MDC.get("span_id")).isNull();
  }

  @Test
  void unrelatedMdcEntriesAreKept() {
    MDC.put("request_id", "r-1");
    tracing.tracedRun("logged", () -> assertThat(MDC.get("request_id")).isEqualTo("r-1"));
    assertThat(MDC.get("request_id")).isEqualTo("r-1");
  }
}
