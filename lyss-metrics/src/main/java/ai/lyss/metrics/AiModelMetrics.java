package ai.lyss.metrics;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.LabelValues;
import ai.lyss.metrics.internal.LabelGuard;
import ai.lyss.metrics.internal.Meters;
import ai.lyss.metrics.internal.RecordingErrors;
import ai.lyss.metrics.internal.SeriesCache;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records AI model calls: {@code ai_model_requests_total}, {@code ai_model_latency_seconds}, {@code
 * ai_tokens_consumed_total} and the spend {@code ai_model_cost_total} (usage times the {@link
 * PriceTable}), in one call per model request; streaming calls through {@link #startStream} also
 * record the time to first chunk and between chunks. A call to a model with no price is counted in
 * {@code lyss_ai_price_missing_total} and warned about once. Recording never throws.
 */
public final class AiModelMetrics {

  /** {@code status} label value of a successful call. */
  public static final String SUCCESS = "success";

  /** {@code status} label value of a failed call. */
  public static final String ERROR = "error";

  private static final MetricDefinition PRICE = MetricCatalog.AI_MODEL_PRICE;

  /** By (provider, model), then by tenant: every label passes its guard before a series exists. */
  private final SeriesCache<ModelSeries> series;

  AiModelMetrics(
      Meters meters,
      int maxValues,
      int maxTenants,
      List<Counter> overflowCounters,
      List<ModelPrice> prices,
      TenantBudgets budgets) {
    String metric = MetricCatalog.AI_MODEL_REQUESTS.name();
    LabelGuard providers =
        new LabelGuard(metric, MetricCatalog.PROVIDER, maxValues, overflowCounters);
    LabelGuard models = new LabelGuard(metric, MetricCatalog.MODEL, maxValues, overflowCounters);
    LabelGuard tenants =
        new LabelGuard(metric, MetricCatalog.TENANT_ID, maxTenants, overflowCounters);
    Map<String, ModelPrice> byModel = new HashMap<>();
    for (ModelPrice price : prices) {
      // Priced models and budgeted tenants hold their label values from the start, so their spend
      // is never folded into __overflow__.
      String provider = admit(providers, price.provider());
      String model = admit(models, price.model());
      byModel.put(provider + "\u0000" + model, price);
      meters.fixedGauge(PRICE, price.inputPerMillion(), provider, model, "input", price.currency());
      meters.fixedGauge(
          PRICE, price.outputPerMillion(), provider, model, "output", price.currency());
      meters.fixedGauge(
          PRICE, price.cachedInputPerMillion(), provider, model, "cached_input", price.currency());
    }
    for (TenantBudgets.Budget budget : budgets.all()) {
      String tenant = admit(tenants, budget.tenantId());
      meters.fixedGauge(MetricCatalog.AI_TENANT_BUDGET, budget.amount(), tenant, budget.currency());
    }
    this.series =
        new SeriesCache<>(
            providers,
            models,
            (p, m) ->
                new ModelSeries(
                    meters,
                    p,
                    m,
                    byModel.get(p + "\u0000" + m),
                    new SeriesCache<>(tenants, null, (t, u) -> new AiSeries(meters, p, m, t))));
    // A counter series that appears with its first value hides that value from increase(): the
    // spend series of budgeted tenants exist at 0 from the start, so every call counts against
    // the budget.
    for (TenantBudgets.Budget budget : budgets.all()) {
      for (ModelPrice price : prices) {
        if (price.currency().equals(budget.currency())) {
          ModelSeries m = series.get(price.provider(), price.model());
          m.tenant(budget.tenantId()).primeCost(price.currency());
        }
      }
    }
  }

  private static String admit(LabelGuard guard, String value) {
    String clean = LabelValues.sanitize(value);
    String admitted = guard.admit(clean);
    if (!admitted.equals(clean)) {
      throw new IllegalArgumentException(
          "The price table and budgets name more distinct values than the label cap allows ('"
              + value
              + "' would be recorded as "
              + admitted
              + "); raise LyssMetrics.builder().maxValuesPerLabel / maxTenantsPerMetric");
    }
    return clean;
  }

  /**
   * Records one AI model request.
   *
   * @param provider the provider ({@code openai})
   * @param model the model name
   * @param tenantId the tenant, {@code null} gives {@code unknown}
   * @param duration how long the call took
   * @param success whether it succeeded
   * @param tokens the token usage ({@link TokenUsage#NONE} when unknown)
   */
  public void record(
      @Nullable String provider,
      @Nullable String model,
      @Nullable String tenantId,
      Duration duration,
      boolean success,
      TokenUsage tokens) {
    try {
      record(
          provider,
          model,
          tenantId,
          requireNonNull(duration, "duration").toNanos(),
          success,
          tokens);
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.AI_MODEL_REQUESTS.name(), e);
    }
  }

  /**
   * Records one AI model request with its duration in nanoseconds.
   *
   * @param provider the provider ({@code openai})
   * @param model the model name
   * @param tenantId the tenant, {@code null} gives {@code unknown}
   * @param durationNanos how long the call took, in nanoseconds
   * @param success whether it succeeded
   * @param tokens the token usage ({@link TokenUsage#NONE} when unknown)
   */
  public void record(
      @Nullable String provider,
      @Nullable String model,
      @Nullable String tenantId,
      long durationNanos,
      boolean success,
      @Nullable TokenUsage tokens) {
    try {
      ModelSeries m = series.get(provider, model);
      m.tenant(tenantId)
          .record(m, durationNanos, success, tokens == null ? TokenUsage.NONE : tokens);
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.AI_MODEL_REQUESTS.name(), e);
    }
  }

  /**
   * Starts measuring a streaming call now: feed it each chunk and end it once when the stream is
   * over. Never throws; when the meters cannot be resolved the stream records nothing.
   *
   * @param provider the provider ({@code openai})
   * @param model the model name
   * @param tenantId the tenant, {@code null} gives {@code unknown}
   */
  public AiStream startStream(
      @Nullable String provider, @Nullable String model, @Nullable String tenantId) {
    long start = System.nanoTime();
    try {
      ModelSeries m = series.get(provider, model);
      return new AiStream(m, m.tenant(tenantId), start);
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.AI_MODEL_TIME_TO_FIRST_CHUNK.name(), e);
      return AiStream.noop();
    }
  }
}
