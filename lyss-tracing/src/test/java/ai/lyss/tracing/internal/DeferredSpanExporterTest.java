package ai.lyss.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeferredSpanExporterTest {

  /** Records what reaches it. */
  private static final class Recording implements SpanExporter {
    final List<String> calls = new ArrayList<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      calls.add("export " + spans.size());
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      calls.add("flush");
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      calls.add("shutdown");
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public String toString() {
      return "Recording";
    }
  }

  @Test
  void buildsOnceAtTheFirstExportAndForwardsFromThenOn() {
    AtomicInteger builds = new AtomicInteger();
    Recording real = new Recording();
    DeferredSpanExporter exporter =
        new DeferredSpanExporter(
            () -> {
              builds.incrementAndGet();
              return real;
            },
            "OTLP HTTP to http://collector:4318/v1/traces");

    assertThat(exporter.flush().isSuccess()).isTrue();
    assertThat(builds).hasValue(0);
    assertThat(exporter)
        .hasToString("DeferredSpanExporter{OTLP HTTP to http://collector:4318/v1/traces}");

    assertThat(exporter.export(List.of()).isSuccess()).isTrue();
    assertThat(exporter.export(List.of()).isSuccess()).isTrue();
    assertThat(exporter.flush().isSuccess()).isTrue();
    assertThat(exporter.shutdown().isSuccess()).isTrue();
    assertThat(exporter.shutdown().isSuccess()).isTrue();

    assertThat(builds).hasValue(1);
    assertThat(real.calls).containsExactly("export 0", "export 0", "flush", "shutdown");
    assertThat(exporter).hasToString("Recording");
    assertThat(exporter.export(List.of()).isSuccess()).isFalse();
  }

  @Test
  void shutDownBeforeAnyExportNeverBuilds() {
    AtomicInteger builds = new AtomicInteger();
    DeferredSpanExporter exporter =
        new DeferredSpanExporter(
            () -> {
              builds.incrementAndGet();
              return new Recording();
            },
            "x");

    assertThat(exporter.shutdown().isSuccess()).isTrue();
    assertThat(exporter.export(List.of()).isSuccess()).isFalse();
    assertThat(builds).hasValue(0);
    assertThat(exporter.isBuilt()).isFalse();
  }

  @Test
  void aFailedBuildFailsThatExportAndIsTriedAgainNextTime() {
    AtomicInteger builds = new AtomicInteger();
    Recording real = new Recording();
    DeferredSpanExporter exporter =
        new DeferredSpanExporter(
            () -> {
              if (builds.incrementAndGet() == 1) {
                throw new IllegalStateException("no sender");
              }
              return real;
            },
            "x");

    assertThatThrownBy(() -> exporter.export(List.of())).hasMessage("no sender");
    assertThat(exporter.export(List.of()).isSuccess()).isTrue();
    assertThat(builds).hasValue(2);
    assertThat(real.calls).containsExactly("export 0");
  }

  @Test
  void throughTheCountingExporterAFailedBuildIsCountedNotThrown() {
    SpanPipelineCounters counters = new SpanPipelineCounters();
    CountingSpanExporter counting =
        new CountingSpanExporter(
            new DeferredSpanExporter(
                () -> {
                  throw new IllegalStateException("no sender");
                },
                "x"),
            counters,
            "OTLP export to x");

    assertThat(counting.export(List.of()).isSuccess()).isFalse();
    assertThat(counters.failedExports()).isEqualTo(1);
    assertThat(counting.isFailing()).isTrue();
  }

  @Test
  void aLinkageErrorWhileBuildingComesOutAsAnExceptionTheCounterCatches() {
    SpanPipelineCounters counters = new SpanPipelineCounters();
    CountingSpanExporter counting =
        new CountingSpanExporter(
            new DeferredSpanExporter(
                () -> {
                  throw new NoClassDefFoundError("okhttp3/OkHttpClient");
                },
                "x"),
            counters,
            "OTLP export to x");

    assertThat(counting.export(List.of()).isSuccess()).isFalse();
    assertThat(counters.failedExports()).isEqualTo(1);
  }
}
