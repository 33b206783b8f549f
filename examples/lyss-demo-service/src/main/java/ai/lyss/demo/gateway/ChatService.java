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
}
