package ai.lyss.metrics;

/**
 * The tokens an AI model call consumed, as the provider reported them: split into input and output,
 * or only a total. {@link AiModelMetrics} records {@code input} and {@code output} for a split
 * usage and {@code total} for the other, never both, so summing over {@code token_type} never
 * double counts. A split usage may say how many of its input tokens were served from the provider's
 * prompt cache ({@link #cachedInputTokens()}); they stay part of {@code input} and are priced at
 * the cached-input price.
 */
public final class TokenUsage {

  /** No token usage known (a failed call, or a provider that reports none). */
  public static final TokenUsage NONE = new TokenUsage(false, 0, 0, 0, 0);

  private final boolean split;
  private final long input;
  private final long output;
  private final long total;
  private final long cachedInput;

  private TokenUsage(boolean split, long input, long output, long total, long cachedInput) {
    this.split = split;
    this.input = input;
    this.output = output;
    this.total = total;
    this.cachedInput = cachedInput;
  }

  /**
   * Usage split into prompt (input) and completion (output) tokens.
   *
   * @param inputTokens input tokens, negative values count as 0
   * @param outputTokens output tokens, negative values count as 0
   */
  public static TokenUsage split(long inputTokens, long outputTokens) {
    return new TokenUsage(true, Math.max(0, inputTokens), Math.max(0, outputTokens), 0, 0);
  }

  /**
   * Usage split into input and output tokens, some input tokens served from the prompt cache.
   *
   * @param inputTokens input tokens including the cached ones, negative values count as 0
   * @param outputTokens output tokens, negative values count as 0
   * @param cachedInputTokens how many of the input tokens were cached, clamped to 0..input
   */
  public static TokenUsage split(long inputTokens, long outputTokens, long cachedInputTokens) {
    long in = Math.max(0, inputTokens);
    long cached = Math.min(in, Math.max(0, cachedInputTokens));
    return new TokenUsage(true, in, Math.max(0, outputTokens), 0, cached);
  }

  /**
   * Usage known only as a total.
   *
   * @param totalTokens total tokens, negative values count as 0
   */
  public static TokenUsage total(long totalTokens) {
    return new TokenUsage(false, 0, 0, Math.max(0, totalTokens), 0);
  }

  /** Whether the usage is split into input and output. */
  public boolean isSplit() {
    return split;
  }

  /** Input tokens (0 unless split). */
  public long inputTokens() {
    return input;
  }

  /** Input tokens served from the prompt cache, part of {@link #inputTokens()} (0 unless split). */
  public long cachedInputTokens() {
    return cachedInput;
  }

  /** Output tokens (0 unless split). */
  public long outputTokens() {
    return output;
  }

  /** Total tokens: input plus output when split. */
  public long totalTokens() {
    return split ? input + output : total;
  }

  @Override
  public String toString() {
    return split
        ? "TokenUsage[input=" + input + ", cachedInput=" + cachedInput + ", output=" + output + "]"
        : "TokenUsage[total=" + total + "]";
  }
}
