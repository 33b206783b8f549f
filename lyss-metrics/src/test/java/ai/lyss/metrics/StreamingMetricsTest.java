package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamingMetricsTest {

  private final LyssMetrics metrics = LyssMetrics.create();

  private Exposed scrape() {
    return Exposed.parse(metrics.scrape());
  }

  @Test
  void theFirstChunkIsObservedAsTimeToFirstChunk() {
    AiStream stream = metrics.aiModels().startStream("openai", "gpt-4o", "acme");
    stream.chunk();

    Exposed scrape = scrape();
    assertThat(
            scrape.value("ai_model_time_to_first_chunk_seconds_count", Map.of("model", "gpt-4o")))
        .isEqualTo(1);
    assertThat(scrape.value("ai_model_time_per_output_chunk_seconds_count", Map.of())).isZero();
    assertThat(stream.timeToFirstChunkNanos()).isNotNegative();
  }

  @Test
  void eachLaterChunkIsObservedAsTheGapSinceThePreviousOne() {
    AiStream stream = metrics.aiModels().startStream("openai", "gpt-4o", "acme");
    long t0 = System.nanoTime();
    stream.chunkAt(t0);
    stream.chunkAt(t0 + 20_000_000L);
    stream.chunkAt(t0 + 50_000_000L);

    Exposed scrape = scrape();
    assertThat(scrape.value("ai_model_time_per_output_chunk_seconds_count", Map.of())).isEqualTo(2);
    assertThat(scrape.value("ai_model_time_per_output_chunk_seconds_sum", Map.of()))
        .isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(scrape.value("ai_model_time_per_output_chunk_seconds_bucket", Map.of("le", "0.02")))
        .isEqualTo(1);
  }

  @Test
  void endingRecordsTheCallWithItsTokens() {
    AiStream stream = metrics.aiModels().startStream("openai", "gpt-4o", "acme");
    stream.chunk();
    stream.end(true, TokenUsage.split(10, 3));

    Exposed scrape = scrape();
    assertThat(scrape.value("ai_model_requests_total", Map.of("status", "success"))).isEqualTo(1);
    assertThat(scrape.value("ai_tokens_consumed_total", Map.of("token_type", "output")))
        .isEqualTo(3);
    assertThat(scrape.value("ai_model_latency_seconds_count", Map.of())).isEqualTo(1);
  }

  @Test
  void endingTwiceRecordsOnce() {
    AiStream stream = metrics.aiModels().startStream("openai", "gpt-4o", "acme");
    stream.end(true, TokenUsage.split(10, 3));
    stream.end(false, TokenUsage.split(10, 3));
    stream.close();

    assertThat(scrape().value("ai_model_requests_total", Map.of())).isEqualTo(1);
  }

  @Test
  void closingAStreamThatWasNotEndedRecordsAFailure() {
    try (AiStream stream = metrics.aiModels().startStream("openai", "gpt-4o", "acme")) {
      stream.chunk();
    }

    assertThat(scrape().value("ai_model_requests_total", Map.of("status", "error"))).isEqualTo(1);
  }

  @Test
  void aNonStreamingCallAddsNoStreamingSeries() {
    metrics.aiModels().record("openai", "gpt-4o", "acme", 1_000L, true, TokenUsage.split(1, 1));

    assertThat(scrape().samples("ai_model_time_to_first_chunk_seconds_count")).isEmpty();
  }
}
