package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The @Traced contract (design.md §4), run against each way of applying it. */
abstract class TracedContract {

  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final LyssTracing tracing = TestTracing.start(spans);

  /** The annotated service, traced by the mechanism under test. */
  abstract ChatService traced(DefaultChatService target);

  @AfterEach
  void close() {
    tracing.close();
  }

  private SpanData onlySpan() {
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    return spans.getFinishedSpanItems().get(0);
  }

  @Test
  void successfulCallGivesSpanNamedByTheAnnotationWithFunctionAttributes() {
    assertThat(traced(new DefaultChatService()).reply("hi")).isEqualTo("echo hi");
    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("chat.reply");
    var attributes = span.getAttributes();
    assertThat(attributes.get(TracingAttributes.CODE_FUNCTION_NAME))
        .isEqualTo(DefaultChatService.class.getName() + ".reply");
    assertThat(attributes.get(TracingAttributes.FUNCTION_NAME)).isEqualTo("reply");
    assertThat(attributes.get(TracingAttributes.FUNCTION_MODULE))
        .isEqualTo(DefaultChatService.class.getName());
    assertThat(attributes.get(TracingAttributes.FUNCTION_RESULT)).isEqualTo("success");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void failingCallRethrowsAndRecordsTheError() {
    ChatService service = traced(new DefaultChatService());
    assertThatThrownBy(() -> service.fail("x"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("provider down for x");
    SpanData span = onlySpan();
    assertThat(span.getAttributes().get(TracingAttributes.FUNCTION_RESULT)).isEqualTo("error");
    assertThat(span.getAttributes().get(TracingAttributes.ERROR_TYPE))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(span.getAttributes().get(TracingAttributes.ERROR_MESSAGE))
        .isEqualTo("provider down for x");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("exception");
  }

  @Test
  void asyncCallEndsTheSpanWhenTheFutureCompletes() {
    CompletableFuture<String> gate = new CompletableFuture<>();
    CompletableFuture<String> result = traced(new DefaultChatService()).replyLater(gate);
    assertThat(spans.getFinishedSpanItems()).isEmpty();
    gate.complete("done");
    assertThat(result.join()).isEqualTo("later done");
    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("chat.later");
    assertThat(span.getAttributes().get(TracingAttributes.FUNCTION_RESULT)).isEqualTo("success");
  }

  @Test
  void asyncFailureMarksTheSpanFailedWithTheUnwrappedCause() {
    CompletableFuture<String> gate = new CompletableFuture<>();
    CompletableFuture<String> result = traced(new DefaultChatService()).replyLater(gate);
    gate.completeExceptionally(new java.io.UncheckedIOException(new java.io.IOException("reset")));
    assertThat(result).isCompletedExceptionally();
    SpanData span = onlySpan();
    assertThat(span.getAttributes().get(TracingAttributes.FUNCTION_RESULT)).isEqualTo("error");
    assertThat(span.getAttributes().get(TracingAttributes.ERROR_TYPE))
        .isEqualTo("java.io.UncheckedIOException");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void unannotatedMethodMakesNoSpan() {
    assertThat(traced(new DefaultChatService()).untraced()).isEqualTo("plain");
    assertThat(spans.getFinishedSpanItems()).isEmpty();
  }
}
