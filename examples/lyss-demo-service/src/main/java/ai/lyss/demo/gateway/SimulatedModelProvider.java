package ai.lyss.demo.gateway;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for a real model provider: it waits a while, counts tokens the way providers bill
 * them, writes a short answer and sometimes fails. With a seed, the n-th call always gets the same
 * latency, token count and outcome, so demo runs and tests are repeatable.
 */
public final class SimulatedModelProvider {

  /** Per-message overhead that chat APIs add to the prompt token count. */
  private static final int TOKENS_PER_MESSAGE = 3;

  private static final int DEFAULT_MAX_OUTPUT_TOKENS = 256;

  /** Output tokens per streamed piece. */
  public static final int TOKENS_PER_CHUNK = 2;

  /** Finish reason of a stream stopped because the client left (never sent to a client). */
  public static final String CANCELLED = "cancelled";

  private static final String[] FAILURES = {"timeout", "overloaded", "server_error"};

  private final long meanLatencyMillis;
  private final double failureRate;
  private final @Nullable Long seed;
  private final AtomicLong calls = new AtomicLong();

  /**
   * Creates the provider.
   *
   * @param meanLatencyMillis mean latency of a call, scaled per model
   * @param failureRate share of calls that fail, 0 to 1
   * @param seed fixes the sequence of outcomes; {@code null} for a random sequence
   */
  public SimulatedModelProvider(long meanLatencyMillis, double failureRate, @Nullable Long seed) {
    if (meanLatencyMillis < 0) {
      throw new IllegalArgumentException("meanLatencyMillis must be >= 0");
    }
    if (!(failureRate >= 0 && failureRate <= 1)) {
      throw new IllegalArgumentException("failureRate must be between 0 and 1");
    }
    this.meanLatencyMillis = meanLatencyMillis;
    this.failureRate = failureRate;
    this.seed = seed;
  }

  /**
   * Calls the simulated model.
   *
   * @param model the model to call
   * @param messages the prompt
   * @param maxTokens cap on output tokens, or 0 for the default
   * @param forceFailure fail this call whatever the dice say
   * @throws ProviderException when the call fails
   */
  public ProviderResponse complete(
      ModelCatalog.Model model, List<ChatMessage> messages, int maxTokens, boolean forceFailure) {
    Answer answer = answer(model, messages, maxTokens, forceFailure);
    return answer.response(answer.outputTokens, answer.finishReason);
  }

  /**
   * Calls the simulated model and streams its answer: the first piece after the call's latency,
   * then one piece of {@value #TOKENS_PER_CHUNK} tokens at a time, a twenty-fifth of the latency
   * apart (a healthy provider's pace).
   *
   * @param model the model to call
   * @param messages the prompt
   * @param maxTokens cap on output tokens, or 0 for the default
   * @param forceFailure fail this call whatever the dice say
   * @param chunks receives each piece of text; returns {@code false} to stop (the client left)
   * @return the usage: every output token, or those delivered before a stop (finish reason {@value
   *     #CANCELLED})
   * @throws ProviderException when the call fails (always before the first piece)
   */
  public ProviderResponse stream(
      ModelCatalog.Model model,
      List<ChatMessage> messages,
      int maxTokens,
      boolean forceFailure,
      Predicate<String> chunks) {
    requireNonNull(chunks, "chunks");
    Answer answer = answer(model, messages, maxTokens, forceFailure);
    int pieces = (answer.outputTokens + TOKENS_PER_CHUNK - 1) / TOKENS_PER_CHUNK;
    int length = answer.content.length();
    int delivered = 0;
    for (int i = 0; i < pieces; i++) {
      if (i > 0) {
        pause(answer.latencyMillis / 25);
      }
      String text = answer.content.substring(length * i / pieces, length * (i + 1) / pieces);
      if (!chunks.test(text)) {
        return answer.response(delivered, CANCELLED);
      }
      delivered = Math.min(answer.outputTokens, (i + 1) * TOKENS_PER_CHUNK);
    }
    return answer.response(answer.outputTokens, answer.finishReason);
  }

  /** Rolls the dice, waits the call's latency (to the first token), then fails or answers. */
  private Answer answer(
      ModelCatalog.Model model, List<ChatMessage> messages, int maxTokens, boolean forceFailure) {
    requireNonNull(model, "model");
    requireNonNull(messages, "messages");
    RandomGenerator random = nextRandom();
    long latency =
        Math.round(meanLatencyMillis * model.latencyFactor() * (0.5 + random.nextDouble()));
    boolean fails = random.nextDouble() < failureRate;
    String failure = FAILURES[random.nextInt(FAILURES.length)];
    int cap = maxTokens > 0 ? maxTokens : DEFAULT_MAX_OUTPUT_TOKENS;
    int wanted = 8 + random.nextInt(DEFAULT_MAX_OUTPUT_TOKENS);
    pause(latency);
    if (forceFailure) {
      throw new ProviderException(
          "unavailable", model.provider() + " is unavailable (X-Demo-Fail: provider)");
    }
    if (fails) {
      throw new ProviderException(failure, model.provider() + " call failed: " + failure);
    }
    int inputTokens = 0;
    for (ChatMessage m : messages) {
      inputTokens += TOKENS_PER_MESSAGE + (m.content().length() + 3) / 4;
    }
    int outputTokens = Math.min(wanted, cap);
    String finishReason = wanted > cap ? "length" : "stop";
    String content =
        "Simulated answer from "
            + model.name()
            + " to a "
            + messages.size()
            + "-message prompt ("
            + outputTokens
            + " tokens).";
    return new Answer(model, latency, content, inputTokens, outputTokens, finishReason);
  }

  /** What the model will answer, before any of it is delivered. */
  private record Answer(
      ModelCatalog.Model model,
      long latencyMillis,
      String content,
      int inputTokens,
      int outputTokens,
      String finishReason) {

    ProviderResponse response(int delivered, String reason) {
      return new ProviderResponse(
          model.name(), model.provider(), content, inputTokens, delivered, reason);
    }
  }

  private RandomGenerator nextRandom() {
    long n = calls.getAndIncrement();
    if (seed == null) {
      return ThreadLocalRandom.current();
    }
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException("cancelled", "model call interrupted");
    }
  }
}
