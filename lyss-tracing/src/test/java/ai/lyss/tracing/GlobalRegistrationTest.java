package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GlobalRegistrationTest {

  @BeforeEach
  @AfterEach
  void resetGlobal() {
    GlobalOpenTelemetry.resetForTest();
  }

  private static LyssTracingBuilder global(String name) {
    return TestTracing.builder(InMemorySpanExporter.create())
        .serviceName(name)
        .registerGlobal(true);
  }

  @Test
  void firstBuildRegistersGlobally() {
    try (LyssTracing tracing = global("first").build()) {
      assertThat(tracing.isRegisteredGlobal()).isTrue();
      assertThat(GlobalOpenTelemetry.getPropagators())
          .isSameAs(tracing.getOpenTelemetry().getPropagators());
    }
  }

  @Test
  void secondBuildReturnsTheRunningInstanceInsteadOfThrowing() {
    try (LyssTracing first = global("first").build()) {
      LyssTracing second = global("second").build();
      assertThat(second).isSameAs(first);
    }
  }

  @Test
  void afterCloseANewInstanceCanBeBuilt() {
    LyssTracing first = global("first").build();
    first.close();
    try (LyssTracing second = global("second").build()) {
      assertThat(second).isNotSameAs(first);
    }
  }

  @Test
  void globalSetByOtherCodeIsLeftAloneAndTracingStillWorks() {
    GlobalOpenTelemetry.set(OpenTelemetry.noop());
    try (LyssTracing tracing = global("guest").build()) {
      assertThat(tracing.isRegisteredGlobal()).isFalse();
      assertThat(tracing.tracer().spanBuilder("x").startSpan().getSpanContext().isValid()).isTrue();
    }
  }

  @Test
  void registerGlobalFalseNeverTouchesTheGlobal() {
    try (LyssTracing tracing = global("local").registerGlobal(false).build()) {
      assertThat(tracing.isRegisteredGlobal()).isFalse();
      assertThat(GlobalOpenTelemetry.isSet()).isFalse();
    }
  }

  @Test
  void closeIsIdempotent() {
    LyssTracing tracing = global("twice").registerGlobal(false).build();
    tracing.close();
    tracing.close();
    assertThat(tracing.tracer().spanBuilder("after close").startSpan().isRecording()).isFalse();
  }
}
