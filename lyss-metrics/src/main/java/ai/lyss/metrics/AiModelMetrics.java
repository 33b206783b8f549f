package ai.lyss.metrics;

import static java.util.Objects.requireNonNull;

import ai.lyss.metrics.internal.LabelGuard;
import ai.lyss.metrics.internal.Meters;
import ai.lyss.metrics.internal.RecordingErrors;
import ai.lyss.metrics.internal.SeriesCache;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Records AI model calls: {@code ai_model_requests_total}, {@code ai_model_latency_seconds} and
 * {@code ai_tokens_consumed_total}, in one call per model request. Recording never throws.
 */
public final class AiModelMetrics {

  /** {@code status} label value of a successful call. */
  public static final String SUCCESS = "success";

  /** {@code status} label value of a failed call. */
  public static final String ERROR = "error";

  /** By (provider, model), then by tenant: every label passes its guard before a series exists. */
  private final SeriesCache<SeriesCache<AiSeries>> series;

  AiModelMetrics(Meters meters, int maxValues, int maxTenants, List<Counter> overflowCounters) {
    String metric = MetricCatalog.AI_MODEL_REQUESTS.name();
    LabelGuard providers =
        new LabelGuard(metric, MetricCatalog.PROVIDER, maxValues, overflowCounters);
    LabelGuard models = new LabelGuard(metric, MetricCatalog.MODEL, maxValues, overflowCounters);
    LabelGuard tenants =
        new LabelGuard(metric, MetricCatalog.TENANT_ID, maxTenants, overflowCounters);
    this.series =
        new SeriesCache<>(
            providers,
            models,
            (p, m) -> new SeriesCache<>(tenants, null, (t, u) -> new AiSeries(meters, p, m, t)));
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
      AiSeries s = series.get(provider, model).get(tenantId);
      s.record(durationNanos, success, tokens == null ? TokenUsage.NONE : tokens);
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.AI_MODEL_REQUESTS.name(), e);
    }
  }
}
