package ai.lyss.metrics;

import ai.lyss.metrics.internal.Meters;
import ai.lyss.metrics.internal.SeriesCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of one (provider, model): its price, the streaming histograms and the missing-price
 * counter (registered on first use), and its per-tenant series.
 */
final class ModelSeries {

  private static final Logger log = LoggerFactory.getLogger(AiModelMetrics.class);

  private final Meters meters;
  private final String provider;
  private final String model;
  private final @Nullable ModelPrice price;
  private final SeriesCache<AiSeries> tenants;
  private final AtomicBoolean warned = new AtomicBoolean();
  private volatile @Nullable Timer firstChunk;
  private volatile @Nullable Timer perChunk;
  private volatile @Nullable Counter priceMissing;

  ModelSeries(
      Meters meters,
      String provider,
      String model,
      @Nullable ModelPrice price,
      SeriesCache<AiSeries> tenants) {
    this.meters = meters;
    this.provider = provider;
    this.model = model;
    this.price = price;
    this.tenants = tenants;
  }

  String provider() {
    return provider;
  }

  String model() {
    return model;
  }

  @Nullable ModelPrice price() {
    return price;
  }

  AiSeries tenant(@Nullable String tenantId) {
    return tenants.get(tenantId);
  }

  Timer firstChunk() {
    Timer t = firstChunk;
    if (t == null) {
      t = meters.timer(MetricCatalog.AI_MODEL_TIME_TO_FIRST_CHUNK, provider, model);
      firstChunk = t; // registration is idempotent: a racing thread gets the same timer
    }
    return t;
  }

  Timer perChunk() {
    Timer t = perChunk;
    if (t == null) {
      t = meters.timer(MetricCatalog.AI_MODEL_TIME_PER_OUTPUT_CHUNK, provider, model);
      perChunk = t;
    }
    return t;
  }

  /** Counts a call whose cost is unknown, and warns once per model. */
  void priceMissing(boolean totalOnly) {
    Counter c = priceMissing;
    if (c == null) {
      c = meters.counter(MetricCatalog.AI_PRICE_MISSING, provider, model);
      priceMissing = c;
    }
    c.increment();
    if (warned.compareAndSet(false, true)) {
      log.warn(
          "No cost recorded for AI model {}/{}: {}; such calls are counted in {}",
          provider,
          model,
          totalOnly
              ? "the provider reported only a total token count, so input and output cannot be"
                  + " priced (report split usage with TokenUsage.split)"
              : "the price table has no price for it (add a row to the price table given to"
                  + " LyssMetrics.builder().priceTable)",
          MetricCatalog.AI_PRICE_MISSING.name());
    }
  }
}
