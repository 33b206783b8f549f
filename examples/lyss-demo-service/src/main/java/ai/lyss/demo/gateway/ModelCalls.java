package ai.lyss.demo.gateway;

import static java.util.Objects.requireNonNull;

import ai.lyss.logging.Fields;
import ai.lyss.logging.StructuredLogger;
import ai.lyss.metrics.AiModelMetrics;
import ai.lyss.metrics.AiStream;
import ai.lyss.metrics.TokenUsage;
import ai.lyss.tracing.GenAiSpan;
import ai.lyss.tracing.GenAiSpans;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every call to the model provider goes through here, so each one is measured the same way: a GenAI
 * client span ({@code chat gpt-4o}, tokens, finish reason, {@code error.type}), the AI model
 * metrics ({@code ai_model_requests_total}, {@code ai_model_latency_seconds}, {@code
 * ai_tokens_consumed_total}) and the provider's health window.
 */
public final class ModelCalls {

  private static final StructuredLogger LOG = StructuredLogger.getLogger(ModelCalls.class);

  private final SimulatedModelProvider provider;
  private final AiModelMetrics metrics;
  private final GenAiSpans spans;
  private final ProviderHealth health;

  /**
   * Creates the call path.
   *
   * @param provider the provider
   * @param metrics AI model metrics
   * @param spans GenAI span factory
   * @param health the provider's recent-outcome window
   */
  public ModelCalls(
      SimulatedModelProvider provider,
      AiModelMetrics metrics,
      GenAiSpans spans,
      ProviderHealth health) {
    this.provider = requireNonNull(provider, "provider");
    this.metrics = requireNonNull(metrics, "metrics");
    this.spans = requireNonNull(spans, "spans");
    this.health = requireNonNull(health, "health");
  }

  /**
   * Calls the model for a tenant.
   *
   * @param tenantId the tenant, for the metric labels
   * @param model the model
   * @param messages the prompt
   * @param maxTokens output cap, 0 for the default
   * @param forceFailure fail the call (fault injection)
   * @throws ProviderException when the provider fails
   */
  @SuppressWarnings("try") // the scope only makes the span current around the provider call
  ProviderResponse call(
      String tenantId,
      ModelCatalog.Model model,
      List<ChatMessage> messages,
      int maxTokens,
      boolean forceFailure) {
    long start = System.nanoTime();
    GenAiSpan span = spans.start(GenAiSpans.OPERATION_CHAT, model.provider(), model.name());
    try (Scope scope = span.makeCurrent()) {
      ProviderResponse response = provider.complete(model, messages, maxTokens, forceFailure);
      span.responseModel(response.model())
          .usage(response.inputTokens(), response.outputTokens())
          .finishReasons(response.finishReason());
      metrics.record(
          model.provider(),
          model.name(),
          tenantId,
          System.nanoTime() - start,
          true,
          TokenUsage.split(response.inputTokens(), response.outputTokens()));
      health.record(true);
      return response;
    } catch (ProviderException e) {
      metrics.record(
          model.provider(),
          model.name(),
          tenantId,
          System.nanoTime() - start,
          false,
          TokenUsage.NONE);
      throw failed(span, model, e);
    } finally {
      span.close();
    }
  }

  /**
   * Calls the model for a tenant and streams its answer to {@code chunks}: the same span and
   * metrics as {@link #call}, plus the time to first chunk (span attribute and histogram) and the
   * time between chunks. A stream the client leaves is recorded as a successful call with the
   * tokens delivered so far: the model did not fail.
   *
   * @param tenantId the tenant, for the metric labels
   * @param model the model
   * @param messages the prompt
   * @param maxTokens output cap, 0 for the default
   * @param forceFailure fail the call (fault injection)
   * @param chunks receives each piece; returns {@code false} when the client has gone
   * @throws ProviderException when the provider fails
   */
  @SuppressWarnings("try") // the scope only makes the span current around the provider call
  ProviderResponse stream(
      String tenantId,
      ModelCatalog.Model model,
      List<ChatMessage> messages,
      int maxTokens,
      boolean forceFailure,
      Predicate<String> chunks) {
    AiStream recording = metrics.startStream(model.provider(), model.name(), tenantId);
    GenAiSpan span = spans.start(GenAiSpans.OPERATION_CHAT, model.provider(), model.name());
    try (Scope scope = span.makeCurrent()) {
      ProviderResponse response =
          provider.stream(
              model,
              messages,
              maxTokens,
              forceFailure,
              text -> {
                recording.chunk();
                return chunks.test(text);
              });
      span.responseModel(response.model())
          .usage(response.inputTokens(), response.outputTokens())
          .timeToFirstChunk(recording.timeToFirstChunkNanos());
      if (!response.finishReason().equals(SimulatedModelProvider.CANCELLED)) {
        span.finishReasons(response.finishReason());
      }
      recording.end(true, TokenUsage.split(response.inputTokens(), response.outputTokens()));
      health.record(true);
      return response;
    } catch (ProviderException e) {
      recording.end(false, TokenUsage.NONE);
      throw failed(span, model, e);
    } finally {
      recording.close();
      span.close();
    }
  }

  /** Marks the span, the provider's health and the log with a failed call; returns the failure. */
  private ProviderException failed(GenAiSpan span, ModelCatalog.Model model, ProviderException e) {
    span.fail(e.errorType());
    health.record(false);
    LOG.warning(
        "AI provider call failed",
        Fields.of(
            "provider", model.provider(), "model", model.name(), "error_type", e.errorType()));
    return e;
  }
}
