package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.metrics.internal.RecordingErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecordingNeverThrowsTest {

  @Test
  void failingStatusMapperGives500AndTheOriginalExceptionStillReachesTheCaller() {
    LyssMetrics metrics =
        LyssMetrics.builder()
            .statusMapper(
                error -> {
                  throw new IllegalArgumentException("broken mapper");
                })
            .build();
    ChatApi api = MonitoredProxy.create(ChatApi.class, new ChatApi.Impl(), metrics);

    assertThatThrownBy(() -> api.complete("boom")).hasMessage("boom");
    assertThat(Recorded.requests(metrics.registry(), "status", "500")).isEqualTo(1.0);
  }

  @Test
  void failingCallTenantSupplierIsRecordedAsUnknown() {
    LyssMetrics metrics =
        LyssMetrics.builder()
            .callTenant(
                () -> {
                  throw new IllegalStateException("no context");
                })
            .build();
    ChatApi api = MonitoredProxy.create(ChatApi.class, new ChatApi.Impl(), metrics);

    assertThat(api.complete("hi")).isEqualTo("answer to hi");
    assertThat(Recorded.requests(metrics.registry(), "tenant_id", "unknown")).isEqualTo(1.0);
  }

  @Test
  void registryThatRejectsOurMetersNeverThrowsIntoTheCaller() {
    SimpleMeterRegistry registry =
        new SimpleMeterRegistry() {
          @Override
          protected Counter newCounter(Meter.Id id) {
            if (id.getName().startsWith("http") || id.getName().startsWith("ai")) {
              throw new IllegalStateException("registry rejects " + id.getName());
            }
            return super.newCounter(id);
          }
        };
    LyssMetrics metrics = LyssMetrics.builder().registry(registry).build();
    long swallowedBefore = RecordingErrors.count();

    assertThatCode(() -> metrics.http().record("GET", "/v1/models", 200, "acme", 1_000L))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                metrics
                    .aiModels()
                    .record(
                        "openai", "gpt-4o", "acme", Duration.ofMillis(1), true, TokenUsage.NONE))
        .doesNotThrowAnyException();
    assertThat(RecordingErrors.count()).isGreaterThan(swallowedBefore);
  }
}
