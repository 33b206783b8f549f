package ai.lyss.metrics;

import ai.lyss.metrics.internal.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The meters of one (provider, model, tenant): requests by status, latency, tokens by type, spend.
 */
final class AiSeries {

  private final Meters meters;
  private final String provider;
  private final String model;
  private final String tenant;
  private final Counter success;
  private final Counter error;
  private final Timer latency;
  private volatile @Nullable Counter input;
  private volatile @Nullable Counter output;
  private volatile @Nullable Counter total;
  private volatile @Nullable Counter cost;

  /**
   * Registers the request and latency meters; token counters are registered on first use, so a
   * series shows only the token types its provider reports.
   *
   * @param meters meter factory
   * @param provider admitted provider label
   * @param model admitted model label
   * @param tenant admitted tenant label
   */
  AiSeries(Meters meters, String provider, String model, String tenant) {
    this.meters = meters;
    this.provider = provider;
    this.model = model;
    this.tenant = tenant;
    this.success =
        meters.counter(
            MetricCatalog.AI_MODEL_REQUESTS, provider, model, tenant, AiModelMetrics.SUCCESS);
    this.error =
        meters.counter(
            MetricCatalog.AI_MODEL_REQUESTS, provider, model, tenant, AiModelMetrics.ERROR);
    this.latency = meters.timer(MetricCatalog.AI_MODEL_LATENCY, provider, model, tenant);
  }

  /**
   * Records one call and its spend.
   *
   * @param model the model's series (price, missing-price counter)
   * @param durationNanos duration
   * @param ok success
   * @param tokens usage
   */
  void record(ModelSeries model, long durationNanos, boolean ok, TokenUsage tokens) {
    record(durationNanos, ok, tokens);
    ModelPrice price = model.price();
    if (price == null || !tokens.isSplit()) {
      if (price == null || tokens.totalTokens() > 0) {
        model.priceMissing(price != null);
      }
      return;
    }
    double amount = price.cost(tokens);
    if (amount > 0) {
      costCounter(price.currency()).increment(amount);
    }
  }

  private void record(long durationNanos, boolean ok, TokenUsage tokens) {
    (ok ? success : error).increment();
    latency.record(Math.max(0L, durationNanos), TimeUnit.NANOSECONDS);
    if (tokens.isSplit()) {
      tokenCounter(TokenType.INPUT).increment(tokens.inputTokens());
      tokenCounter(TokenType.OUTPUT).increment(tokens.outputTokens());
    } else if (tokens.totalTokens() > 0) {
      tokenCounter(TokenType.TOTAL).increment(tokens.totalTokens());
    }
  }

  /** Registers the cost counter at 0 now, so the first call's spend is an increase. */
  void primeCost(String currency) {
    costCounter(currency);
  }

  private Counter costCounter(String currency) {
    Counter c = cost;
    if (c == null) {
      c = meters.counter(MetricCatalog.AI_MODEL_COST, provider, model, tenant, currency);
      cost = c;
    }
    return c;
  }

  private enum TokenType {
    INPUT("input"),
    OUTPUT("output"),
    TOTAL("total");

    final String label;

    TokenType(String label) {
      this.label = label;
    }
  }

  private Counter tokenCounter(TokenType type) {
    Counter c = type == TokenType.INPUT ? input : type == TokenType.OUTPUT ? output : total;
    if (c != null) {
      return c;
    }
    synchronized (this) {
      c = meters.counter(MetricCatalog.AI_TOKENS_CONSUMED, provider, model, tenant, type.label);
      switch (type) {
        case INPUT -> input = c;
        case OUTPUT -> output = c;
        case TOTAL -> total = c;
      }
      return c;
    }
  }
}
