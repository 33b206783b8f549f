package ai.lyss.demo.gateway;

import java.util.List;
import java.util.Optional;

/** The models the demo gateway routes to, with their provider, speed and price. */
public final class ModelCatalog {

  /**
   * One model.
   *
   * @param name model name as clients send it
   * @param provider the provider serving it
   * @param latencyFactor multiplier of the configured mean latency
   * @param pricePerThousandTokens USD per 1000 tokens, input and output alike
   */
  public record Model(
      String name, String provider, double latencyFactor, double pricePerThousandTokens) {}

  private static final List<Model> MODELS =
      List.of(
          new Model("gpt-4o", "openai", 1.6, 0.0100),
          new Model("gpt-4o-mini", "openai", 0.6, 0.0006),
          new Model("claude-3-5-sonnet", "anthropic", 1.4, 0.0090),
          new Model("deepseek-chat", "deepseek", 1.0, 0.0011));

  private ModelCatalog() {}

  /** Every model, in a stable order. */
  public static List<Model> all() {
    return MODELS;
  }

  /**
   * The model of that name.
   *
   * @param name the requested model name
   */
  public static Optional<Model> find(String name) {
    for (Model m : MODELS) {
      if (m.name().equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
