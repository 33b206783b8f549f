package ai.lyss.metrics;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.LabelValues;
import ai.lyss.metrics.internal.AiSeries;
import ai.lyss.metrics.internal.LabelGuard;
import ai.lyss.metrics.internal.Meters;
import ai.lyss.metrics.internal.RecordingErrors;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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

  private final Meters meters;
  private final LabelGuard providerGuard;
  private final LabelGuard modelGuard;
  private final LabelGuard tenantGuard;
  private final ConcurrentHashMap<
          String, ConcurrentHashMap<String, ConcurrentHashMap<String, AiSeries>>>
      series = new ConcurrentHashMap<>();

  AiModelMetrics(Meters meters, int maxValues, int maxTenants, List<Counter> overflowCounters) {
    this.meters = meters;
    String metric = MetricCatalog.AI_MODEL_REQUESTS.name();
    this.providerGuard =
        new LabelGuard(metric, MetricCatalog.PROVIDER, maxValues, overflowCounters);
    this.modelGuard = new LabelGuard(metric, MetricCatalog.MODEL, maxValues, overflowCounters);
    this.tenantGuard =
        new LabelGuard(metric, MetricCatalog.TENANT_ID, maxTenants, overflowCounters);
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
      AiSeries s = series(provider, model, tenantId);
      s.record(durationNanos, success, tokens == null ? TokenUsage.NONE : tokens);
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.AI_MODEL_REQUESTS.name(), e);
    }
  }

  private AiSeries series(
      @Nullable String provider, @Nullable String model, @Nullable String tenantId) {
    // Raw lookup first: keys are clean values, and sanitising a clean value returns it unchanged.
    if (provider != null && model != null && tenantId != null) {
      var byModel = series.get(provider);
      var byTenant = byModel == null ? null : byModel.get(model);
      AiSeries s = byTenant == null ? null : byTenant.get(tenantId);
      if (s != null) {
        return s;
      }
    }
    String p = LabelValues.sanitize(provider);
    String m = LabelValues.sanitize(model);
    String t = LabelValues.sanitize(tenantId);
    var byModel = series.get(p);
    if (byModel != null) {
      var byTenant = byModel.get(m);
      if (byTenant != null) {
        AiSeries s = byTenant.get(t);
        if (s != null) {
          return s;
        }
      }
    }
    String ap = providerGuard.admit(p);
    String am = modelGuard.admit(m);
    String at = tenantGuard.admit(t);
    return series
        .computeIfAbsent(ap, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(am, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(at, k -> new AiSeries(meters, ap, am, at));
  }
}
