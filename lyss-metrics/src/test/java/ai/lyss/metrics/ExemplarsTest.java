package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import org.junit.jupiter.api.Test;

class ExemplarsTest {

  /** OTel 1.68 hands out no-op spans from a provider without span processors. */
  private static SdkTracerProvider tracing() {
    return SdkTracerProvider.builder()
        .addSpanProcessor(
            new SpanProcessor() {
              @Override
              public void onStart(Context parent, ReadWriteSpan span) {}

              @Override
              public boolean isStartRequired() {
                return false;
              }

              @Override
              public void onEnd(ReadableSpan span) {}

              @Override
              public boolean isEndRequired() {
                return false;
              }
            })
        .build();
  }

  private static void recordInside(Span span, LyssMetrics metrics) {
    Scope scope = span.makeCurrent();
    try {
      metrics.http().record("GET", "/v1/models", 200, "acme", 30_000_000L);
    } finally {
      scope.close();
      span.end();
    }
  }

  @Test
  void histogramBucketCarriesTheCurrentTraceIdInOpenMetrics() {
    LyssMetrics metrics = LyssMetrics.create();
    try (SdkTracerProvider tracing = tracing()) {
      Span span = tracing.get("test").spanBuilder("request").startSpan();
      recordInside(span, metrics);

      assertThat(metrics.scrapeOpenMetrics())
          .contains("trace_id=\"" + span.getSpanContext().getTraceId() + "\"");
    }
  }

  @Test
  void exemplarsStayOffCountAndSumLinesThatPrometheusBefore243Rejects() {
    LyssMetrics metrics = LyssMetrics.create();
    try (SdkTracerProvider tracing = tracing()) {
      recordInside(tracing.get("test").spanBuilder("request").startSpan(), metrics);
    }

    assertThat(metrics.scrapeOpenMetrics().lines())
        .filteredOn(line -> line.contains("trace_id="))
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line.substring(0, line.indexOf(' ')))
                    .matches(".*(_bucket\\{.*|_total\\{.*)"));
  }

  @Test
  void exemplarsCanBeSwitchedOff() {
    LyssMetrics metrics = LyssMetrics.builder().exemplars(false).build();
    try (SdkTracerProvider tracing = tracing()) {
      Span span = tracing.get("test").spanBuilder("request").startSpan();
      recordInside(span, metrics);
    }

    assertThat(metrics.scrapeOpenMetrics()).doesNotContain("trace_id=");
  }
}
