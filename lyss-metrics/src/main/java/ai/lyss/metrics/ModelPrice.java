package ai.lyss.metrics;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The price of one model from one date on, per million tokens, in the currency's major unit.
 *
 * @param provider the provider label value ({@code openai})
 * @param model the model label value ({@code gpt-4o})
 * @param inputPerMillion price of a million input tokens that were not cached
 * @param outputPerMillion price of a million output tokens
 * @param cachedInputPerMillion price of a million input tokens served from the prompt cache
 * @param currency ISO 4217 code ({@code USD})
 * @param effectiveFrom first day (UTC) the price applies
 */
public record ModelPrice(
    String provider,
    String model,
    double inputPerMillion,
    double outputPerMillion,
    double cachedInputPerMillion,
    String currency,
    LocalDate effectiveFrom) {

  /** Validates: names and currency present, prices finite and not negative. */
  public ModelPrice {
    requireNonNull(provider, "provider");
    requireNonNull(model, "model");
    requireNonNull(currency, "currency");
    requireNonNull(effectiveFrom, "effectiveFrom");
    checkPrice("inputPerMillion", inputPerMillion);
    checkPrice("outputPerMillion", outputPerMillion);
    checkPrice("cachedInputPerMillion", cachedInputPerMillion);
    if (provider.isBlank() || model.isBlank() || !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          "ModelPrice needs a provider, a model and an ISO 4217 currency such as USD; got "
              + provider
              + "/"
              + model
              + " in '"
              + currency
              + "'");
    }
  }

  /**
   * The cost of one call: (input − cached input) × input price + cached input × cached price +
   * output × output price, ÷ 10⁶. A usage known only as a total cannot be priced: {@code NaN}.
   *
   * @param usage the tokens the provider reported
   */
  public double cost(TokenUsage usage) {
    if (!usage.isSplit()) {
      return Double.NaN;
    }
    long cached = usage.cachedInputTokens();
    return ((usage.inputTokens() - cached) * inputPerMillion
            + cached * cachedInputPerMillion
            + usage.outputTokens() * outputPerMillion)
        / 1_000_000d;
  }

  private static void checkPrice(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "ModelPrice." + name + " must be a finite amount of 0 or more, was " + value);
    }
  }
}
