package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GenAiSpansTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final LyssTracing tracing = TestTracing.start(spans);
  private final GenAiSpans genAi = GenAiSpans.create(tracing);

  @AfterEach
  void close() {
    tracing.close();
  }

  private SpanData onlySpan() {
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    return spans.getFinishedSpanItems().get(0);
  }

  @Test
  void modelCallFollowsTheGenAiConventions() {
    try (GenAiSpan call = genAi.start(GenAiSpans.OPERATION_CHAT, "openai", "gpt-4o")) {
      call.responseModel("gpt-4o-2024-08-06").usage(120, 45).finishReasons("stop");
    }
    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("chat gpt-4o");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    var a = span.getAttributes();
    assertThat(a.get(TracingAttributes.GEN_AI_OPERATION_NAME)).isEqualTo("chat");
    assertThat(a.get(TracingAttributes.GEN_AI_PROVIDER_NAME)).isEqualTo("openai");
    assertThat(a.get(TracingAttributes.GEN_AI_REQUEST_MODEL)).isEqualTo("gpt-4o");
    assertThat(a.get(TracingAttributes.GEN_AI_RESPONSE_MODEL)).isEqualTo("gpt-4o-2024-08-06");
    assertThat(a.get(TracingAttributes.GEN_AI_USAGE_INPUT_TOKENS)).isEqualTo(120L);
    assertThat(a.get(TracingAttributes.GEN_AI_USAGE_OUTPUT_TOKENS)).isEqualTo(45L);
    assertThat(a.get(TracingAttributes.GEN_AI_RESPONSE_FINISH_REASONS)).isEqualTo(List.of("stop"));
  }

  @Test
  void aStreamingCallCarriesItsTimeToFirstChunkInSeconds() {
    try (GenAiSpan call = genAi.start(GenAiSpans.OPERATION_CHAT, "openai", "gpt-4o")) {
      call.timeToFirstChunk(1_250_000_000L);
    }
    assertThat(
            onlySpan().getAttributes().get(TracingAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK))
        .isEqualTo(1.25);
  }

  @Test
  void aStreamWithoutChunksCarriesNoTimeToFirstChunk() {
    try (GenAiSpan call = genAi.start(GenAiSpans.OPERATION_CHAT, "openai", "gpt-4o")) {
      call.timeToFirstChunk(-1);
    }
    assertThat(
            onlySpan().getAttributes().get(TracingAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK))
        .isNull();
  }

  @Test
  void contentIsNotCapturedByDefault() {
    try (GenAiSpan call = genAi.start("chat", "anthropic", "claude")) {
      call.inputMessages("[{\"role\":\"user\",\"content\":\"my secret\"}]").outputMessages("[]");
    }
    var a = onlySpan().getAttributes();
    assertThat(a.get(TracingAttributes.GEN_AI_INPUT_MESSAGES)).isNull();
    assertThat(a.get(TracingAttributes.GEN_AI_OUTPUT_MESSAGES)).isNull();
  }

  @Test
  void contentIsCapturedWhenSwitchedOn() {
    try (GenAiSpan call = genAi.captureContent(true).start("chat", "anthropic", "claude")) {
      call.inputMessages("[{\"role\":\"user\",\"content\":\"hi\"}]");
    }
    assertThat(onlySpan().getAttributes().get(TracingAttributes.GEN_AI_INPUT_MESSAGES))
        .contains("hi");
  }

  @Test
  void providerFailureSetsErrorTypeAndStatus() {
    try (GenAiSpan call = genAi.start("chat", "openai", "gpt-4o")) {
      call.fail(new java.net.http.HttpTimeoutException("provider timed out"));
    }
    SpanData span = onlySpan();
    assertThat(span.getAttributes().get(TracingAttributes.ERROR_TYPE))
        .isEqualTo("java.net.http.HttpTimeoutException");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void providerErrorCodeCanBeTheErrorType() {
    try (GenAiSpan call = genAi.start("chat", "openai", "gpt-4o")) {
      call.fail("rate_limited");
    }
    assertThat(onlySpan().getAttributes().get(TracingAttributes.ERROR_TYPE))
        .isEqualTo("rate_limited");
  }

  @Test
  void closingTwiceEndsTheSpanOnce() {
    GenAiSpan call = genAi.start("embeddings", "openai", "text-embedding-3-small");
    call.close();
    call.close();
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
  }
}
