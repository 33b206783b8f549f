package ai.lyss.demo.gateway;

import ai.lyss.metrics.MonitorApi;
import ai.lyss.tracing.Traced;
import java.util.List;

/**
 * The chat completions endpoint's business logic. The annotations are applied by {@code
 * MonitoredProxy} and {@code TracedProxy} (plain Java; with Spring the aspects do the same).
 */
public interface ChatService {

  /**
   * A validated completion request.
   *
   * @param model the model name
   * @param messages the prompt, not empty
   * @param maxTokens output token cap, 0 for the default
   */
  record ChatRequest(String model, List<ChatMessage> messages, int maxTokens) {

    /** Copies the message list. */
    public ChatRequest {
      messages = List.copyOf(messages);
    }
  }

  /**
   * A completion.
   *
   * @param id {@code chatcmpl-...}
   * @param createdEpochSeconds creation time
   * @param response what the provider answered
   */
  record ChatCompletion(String id, long createdEpochSeconds, ProviderResponse response) {}

  /** Receives the pieces of a streamed answer, in order, on the calling thread. */
  @FunctionalInterface
  interface ChunkSink {

    /**
     * One piece of the answer.
     *
     * @param id the completion id, the same for every piece
     * @param createdEpochSeconds creation time, the same for every piece
     * @param model the model answering
     * @param text the piece of text
     * @return {@code false} when the client has gone: the call stops and is charged for what was
     *     delivered before
     */
    boolean delta(String id, long createdEpochSeconds, String model, String text);
  }

  /**
   * Runs a chat completion for a tenant.
   *
   * @param context tenant and injected faults
   * @param request the request
   * @throws ApiException 404 for an unknown model, 429 when the tenant's quota is used up, 502 when
   *     the provider fails
   */
  @MonitorApi(value = "chat_completions", method = "POST")
  @Traced("chat.completions")
  ChatCompletion complete(RequestContext context, ChatRequest request);

  /**
   * Runs a streamed chat completion: the pieces go to {@code sink} as the model produces them, and
   * the completion returned carries the usage delivered (all of it, or what was delivered before
   * the client left).
   *
   * @param context tenant and injected faults
   * @param request the request
   * @param sink receives the pieces
   * @throws ApiException 404 for an unknown model, 429 when the tenant's quota is used up, 502 when
   *     the provider fails before the first piece
   */
  @MonitorApi(value = "chat_completions", method = "POST")
  @Traced("chat.completions")
  ChatCompletion stream(RequestContext context, ChatRequest request, ChunkSink sink);
}
