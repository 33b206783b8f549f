package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AiModelMetricsTest {

  private final LyssMetrics metrics = LyssMetrics.create();

  private Exposed scrape() {
    return Exposed.parse(metrics.scrape());
  }

  @Test
  void successAndFailureAreCountedUnderTheirStatus() {
    metrics
        .aiModels()
        .record("openai", "gpt-4o", "acme", Duration.ofMillis(300), true, TokenUsage.NONE);
    metrics
        .aiModels()
        .record("openai", "gpt-4o", "acme", Duration.ofMillis(300), false, TokenUsage.NONE);
    metrics.aiModels().record("openai", "gpt-4o", "acme", Duration.ofMillis(300), false, null);

    assertThat(scrape().value("ai_model_requests_total", Map.of("status", "success"))).isEqualTo(1);
    assertThat(scrape().value("ai_model_requests_total", Map.of("status", "error"))).isEqualTo(2);
  }

  @Test
  void latencyIsObservedInSeconds() {
    metrics
        .aiModels()
        .record("openai", "gpt-4o", "acme", Duration.ofMillis(1500), true, TokenUsage.NONE);

    Exposed scrape = scrape();
    assertThat(scrape.value("ai_model_latency_seconds_sum", Map.of("model", "gpt-4o")))
        .isEqualTo(1.5);
    assertThat(scrape.value("ai_model_latency_seconds_bucket", Map.of("le", "1.0"))).isZero();
    assertThat(scrape.value("ai_model_latency_seconds_bucket", Map.of("le", "2.0"))).isEqualTo(1);
  }

  @Test
  void totalOnlyUsageIsRecordedAsTotalAndNeverAsInputOrOutput() {
    metrics.aiModels().record("local", "llama", "acme", 1_000L, true, TokenUsage.total(42));

    Exposed scrape = scrape();
    assertThat(scrape.value("ai_tokens_consumed_total", Map.of("token_type", "total")))
        .isEqualTo(42);
    assertThat(scrape.samples("ai_tokens_consumed_total", Map.of("token_type", "input"))).isEmpty();
    assertThat(scrape.samples("ai_tokens_consumed_total", Map.of("token_type", "output")))
        .isEmpty();
  }

  @Test
  void summingOverTokenTypeEqualsTheTokensReported() {
    metrics.aiModels().record("openai", "gpt-4o", "acme", 1_000L, true, TokenUsage.split(100, 50));
    metrics.aiModels().record("openai", "gpt-4o", "acme", 1_000L, true, TokenUsage.total(30));

    assertThat(scrape().value("ai_tokens_consumed_total", Map.of("model", "gpt-4o")))
        .isEqualTo(180);
  }
}
