package ai.lyss.demo.gateway;

/**
 * What the model provider answered.
 *
 * @param model the model that answered
 * @param provider the provider that served it
 * @param content the generated text
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 * @param finishReason {@code stop} or {@code length}
 */
public record ProviderResponse(
    String model,
    String provider,
    String content,
    int inputTokens,
    int outputTokens,
    String finishReason) {}
