package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The @MonitorApi contract, run against each way of applying it. */
abstract class MonitorApiContract {

  LyssMetrics metrics;
  ChatApi api;

  abstract ChatApi monitored(ChatApi target, LyssMetrics metrics);

  @BeforeEach
  void setUp() {
    metrics =
        LyssMetrics.builder()
            .statusMapper(StatusMapper.defaults().when(QuotaExceededException.class, 429))
            .callTenant(() -> "acme")
            .build();
    api = monitored(new ChatApi.Impl(), metrics);
  }

  @Test
  void successfulCallIsCountedAs200AndTimedAndItsResultIsUntouched() {
    assertThat(api.complete("hi")).isEqualTo("answer to hi");

    assertThat(
            Recorded.requests(
                metrics.registry(),
                "endpoint",
                "chat_completions",
                "method",
                "POST",
                "status",
                "200",
                "tenant_id",
                "acme"))
        .isEqualTo(1.0);
    assertThat(Recorded.timed(metrics.registry(), "endpoint", "chat_completions")).isEqualTo(1);
  }

  @Test
  void failingCallIsCountedAs500AndTheSameExceptionReachesTheCaller() {
    assertThatThrownBy(() -> api.complete("boom"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("boom");

    assertThat(
            Recorded.requests(metrics.registry(), "endpoint", "chat_completions", "status", "500"))
        .isEqualTo(1.0);
    assertThat(Recorded.timed(metrics.registry(), "endpoint", "chat_completions")).isEqualTo(1);
  }

  @Test
  void mappedExceptionIsCountedWithTheMappedStatus() {
    assertThatThrownBy(() -> api.complete("quota")).isInstanceOf(QuotaExceededException.class);

    assertThat(
            Recorded.requests(metrics.registry(), "endpoint", "chat_completions", "status", "429"))
        .isEqualTo(1.0);
  }

  @Test
  void asyncCallIsRecordedOnlyWhenTheStageCompletes() {
    CompletableFuture<String> answer = new CompletableFuture<>();
    CompletionStage<String> stage = api.completeAsync(answer);

    assertThat(stage).isSameAs(answer);
    assertThat(Recorded.requests(metrics.registry(), "endpoint", "chat_async")).isZero();
    answer.complete("done");
    assertThat(Recorded.requests(metrics.registry(), "endpoint", "chat_async", "status", "200"))
        .isEqualTo(1.0);
  }

  @Test
  void asyncFailureIsRecordedWithTheMappedStatus() {
    CompletableFuture<String> answer = new CompletableFuture<>();
    api.completeAsync(answer);

    answer.completeExceptionally(new QuotaExceededException());

    assertThat(Recorded.requests(metrics.registry(), "endpoint", "chat_async", "status", "429"))
        .isEqualTo(1.0);
    assertThat(answer).isCompletedExceptionally();
  }

  @Test
  void unannotatedMethodIsNotRecorded() {
    assertThat(api.notMonitored("x")).isEqualTo("x");

    assertThat(Recorded.search(metrics.registry(), MetricCatalog.HTTP_REQUESTS).counters())
        .isEmpty();
  }

  @Test
  void repeatedCallsReuseTheSameMeters() {
    for (int i = 0; i < 50; i++) {
      api.complete("hi");
    }

    assertThat(Recorded.search(metrics.registry(), MetricCatalog.HTTP_REQUESTS).counters())
        .hasSize(1);
    assertThat(Recorded.requests(metrics.registry(), "endpoint", "chat_completions"))
        .isEqualTo(50.0);
  }
}
