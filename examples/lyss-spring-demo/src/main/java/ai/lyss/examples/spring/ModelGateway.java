package ai.lyss.examples.spring;

import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.TokenUsage;
import ai.lyss.tracing.Traced;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A simulated model provider: answers at once with a token count derived from the request, and
 * records the AI model metrics the way a real provider client would.
 */
@Service
public class ModelGateway {

  /** The provider label of the simulated calls. */
  public static final String PROVIDER = "simulated";

  /**
   * A completion.
   *
   * @param text the answer
   * @param inputTokens tokens read
   * @param outputTokens tokens written
   */
  public record Completion(String text, long inputTokens, long outputTokens) {}

  private final LyssMetrics metrics;

  /**
   * Creates the gateway.
   *
   * @param metrics the starter's Lyss metrics
   */
  public ModelGateway(LyssMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * Runs one completion in a span and records its model metrics.
   *
   * @param model the model name
   * @param tenant the tenant, or {@code null}
   * @param messages how many messages the request had
   */
  @Traced("model.complete")
  public Completion complete(String model, @Nullable String tenant, int messages) {
    long start = System.nanoTime();
    Completion completion = new Completion("Hello from " + model, 10L * messages, 5);
    metrics
        .aiModels()
        .record(
            PROVIDER,
            model,
            tenant,
            System.nanoTime() - start,
            true,
            TokenUsage.split(completion.inputTokens(), completion.outputTokens()));
    return completion;
  }
}
