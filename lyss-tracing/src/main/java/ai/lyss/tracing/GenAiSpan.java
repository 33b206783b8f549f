package ai.lyss.tracing;

import ai.lyss.core.Redactor;
import ai.lyss.tracing.internal.SpanErrors;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The span of one AI model call, from {@link GenAiSpans#start}. Setters never throw; {@link
 * #close()} ends the span once.
 */
public final class GenAiSpan implements AutoCloseable {

  /** Prompts and completions can carry a user's keys; captured content is masked like logs. */
  private static final Redactor REDACTOR = Redactor.defaults();

  private final Span span;
  private final boolean captureContent;
  private final AtomicBoolean ended = new AtomicBoolean();

  GenAiSpan(Span span, boolean captureContent) {
    this.span = span;
    this.captureContent = captureContent;
  }

  /** The underlying span, for attributes not covered here. */
  public Span span() {
    return span;
  }

  /** Makes the span current, so HTTP client spans of the call become its children. */
  public Scope makeCurrent() {
    return span.makeCurrent();
  }

  /**
   * Sets {@code gen_ai.response.model}.
   *
   * @param model the model that answered
   */
  public GenAiSpan responseModel(String model) {
    span.setAttribute(TracingAttributes.GEN_AI_RESPONSE_MODEL, model);
    return this;
  }

  /**
   * Sets {@code gen_ai.response.id}.
   *
   * @param id the provider's response id
   */
  public GenAiSpan responseId(String id) {
    span.setAttribute(TracingAttributes.GEN_AI_RESPONSE_ID, id);
    return this;
  }

  /**
   * Sets {@code gen_ai.usage.input_tokens} and {@code gen_ai.usage.output_tokens}.
   *
   * @param inputTokens prompt tokens
   * @param outputTokens completion tokens
   */
  public GenAiSpan usage(long inputTokens, long outputTokens) {
    span.setAttribute(TracingAttributes.GEN_AI_USAGE_INPUT_TOKENS, inputTokens);
    span.setAttribute(TracingAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, outputTokens);
    return this;
  }

  /**
   * Sets {@code gen_ai.response.finish_reasons}.
   *
   * @param reasons one per choice, for example {@code stop}, {@code length}
   */
  public GenAiSpan finishReasons(String... reasons) {
    span.setAttribute(TracingAttributes.GEN_AI_RESPONSE_FINISH_REASONS, List.of(reasons));
    return this;
  }

  /**
   * Sets {@code gen_ai.response.time_to_first_chunk} (seconds) on a streaming call; a negative
   * value (no chunk arrived) is ignored.
   *
   * @param nanos nanoseconds from sending the request to the first chunk
   */
  public GenAiSpan timeToFirstChunk(long nanos) {
    if (nanos >= 0) {
      span.setAttribute(TracingAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK, nanos / 1e9);
    }
    return this;
  }

  /**
   * Records the input messages (JSON) when content capture is on, secrets masked; ignored
   * otherwise.
   *
   * @param messagesJson the messages sent
   */
  public GenAiSpan inputMessages(String messagesJson) {
    if (captureContent) {
      span.setAttribute(TracingAttributes.GEN_AI_INPUT_MESSAGES, REDACTOR.redact(messagesJson));
    }
    return this;
  }

  /**
   * Records the output messages (JSON) when content capture is on, secrets masked; ignored
   * otherwise.
   *
   * @param messagesJson the messages received
   */
  public GenAiSpan outputMessages(String messagesJson) {
    if (captureContent) {
      span.setAttribute(TracingAttributes.GEN_AI_OUTPUT_MESSAGES, REDACTOR.redact(messagesJson));
    }
    return this;
  }

  /**
   * Marks the call failed with an exception: {@code error.type} is its class, plus the exception
   * event and status ERROR.
   *
   * @param error the failure
   */
  public GenAiSpan fail(Throwable error) {
    SpanErrors.record(span, error);
    return this;
  }

  /**
   * Marks the call failed without an exception, for example a provider's error code.
   *
   * @param errorType {@code error.type}, for example {@code rate_limited} or {@code 503}
   */
  public GenAiSpan fail(String errorType) {
    span.setAttribute(TracingAttributes.ERROR_TYPE, errorType);
    span.setStatus(StatusCode.ERROR);
    return this;
  }

  /** Ends the span; later calls do nothing. */
  @Override
  public void close() {
    if (ended.compareAndSet(false, true)) {
      span.end();
    }
  }
}
