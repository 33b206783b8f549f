package ai.lyss.tracing;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;

/**
 * Spans for AI model calls following the OpenTelemetry GenAI conventions (design.md §4): name
 * {@code {gen_ai.operation.name} {gen_ai.request.model}}, kind CLIENT, provider, models, token
 * usage, finish reasons, {@code error.type}. Prompt and completion text are recorded only when
 * {@linkplain #captureContent(boolean) content capture} is switched on; it is off by default.
 *
 * <pre>{@code
 * GenAiSpans genAi = GenAiSpans.create(tracing);
 * try (GenAiSpan call = genAi.start("chat", "openai", "gpt-4o")) {
 *   Reply reply = provider.chat(request);
 *   call.responseModel(reply.model()).usage(reply.promptTokens(), reply.completionTokens())
 *       .finishReasons(reply.finishReason());
 * }   // a failure: call.fail(e) before rethrowing
 * }</pre>
 */
public final class GenAiSpans {

  /** {@code gen_ai.operation.name} of chat completions. */
  public static final String OPERATION_CHAT = "chat";

  /** {@code gen_ai.operation.name} of plain text completions. */
  public static final String OPERATION_TEXT_COMPLETION = "text_completion";

  /** {@code gen_ai.operation.name} of embeddings. */
  public static final String OPERATION_EMBEDDINGS = "embeddings";

  private final Tracer tracer;
  private final boolean captureContent;

  private GenAiSpans(Tracer tracer, boolean captureContent) {
    this.tracer = tracer;
    this.captureContent = captureContent;
  }

  /**
   * GenAI spans on a running {@link LyssTracing}, content capture off.
   *
   * @param tracing where spans go
   */
  public static GenAiSpans create(LyssTracing tracing) {
    return create(requireNonNull(tracing, "tracing").tracer());
  }

  /**
   * GenAI spans on any tracer, content capture off.
   *
   * @param tracer the tracer
   */
  public static GenAiSpans create(Tracer tracer) {
    return new GenAiSpans(requireNonNull(tracer, "tracer"), false);
  }

  /**
   * A copy that records prompt and completion text ({@link GenAiSpan#inputMessages}, {@link
   * GenAiSpan#outputMessages}). They may hold personal data: enable deliberately.
   *
   * @param enabled whether content is recorded
   */
  public GenAiSpans captureContent(boolean enabled) {
    return new GenAiSpans(tracer, enabled);
  }

  /**
   * Starts the span of one model call as a child of the current span; it is not made current.
   *
   * @param operation {@code gen_ai.operation.name}, for example {@value #OPERATION_CHAT}
   * @param provider {@code gen_ai.provider.name}, for example {@code openai}
   * @param requestModel {@code gen_ai.request.model}
   */
  public GenAiSpan start(String operation, String provider, String requestModel) {
    requireNonNull(operation, "operation");
    requireNonNull(provider, "provider");
    requireNonNull(requestModel, "requestModel");
    Span span =
        tracer
            .spanBuilder(operation + " " + requestModel)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(TracingAttributes.GEN_AI_OPERATION_NAME, operation)
            .setAttribute(TracingAttributes.GEN_AI_PROVIDER_NAME, provider)
            .setAttribute(TracingAttributes.GEN_AI_REQUEST_MODEL, requestModel)
            .startSpan();
    return new GenAiSpan(span, captureContent);
  }
}
