package ai.lyss.metrics;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.http.HttpObserver;
import ai.lyss.metrics.internal.Exposition;
import ai.lyss.metrics.internal.Meters;
import ai.lyss.metrics.internal.RecordingErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of lyss-metrics: the registry and the recorders of the platform catalog (see
 * {@link MetricCatalog}). Build one per process and share it:
 *
 * <pre>{@code
 * LyssMetrics metrics = LyssMetrics.create();          // PrometheusMeterRegistry, defaults
 * metrics.business().trackUserLogin("acme");
 * String text = metrics.scrape();                      // Prometheus text format
 * }</pre>
 */
public final class LyssMetrics {

  private final MeterRegistry registry;
  private final LyssMetricsBuilder settings;
  private final HttpMetrics http;
  private final AiModelMetrics aiModels;
  private final BusinessMetrics business;
  private final Map<String, Counter> overflow;

  LyssMetrics(MeterRegistry registry, LyssMetricsBuilder settings) {
    this.registry = registry;
    this.settings = settings;
    Meters meters = new Meters(registry);
    Map<String, Counter> counters = new LinkedHashMap<>();
    for (MetricDefinition metric : MetricCatalog.all()) {
      if (metric != MetricCatalog.CARDINALITY_OVERFLOW) {
        counters.put(
            metric.name(), meters.counter(MetricCatalog.CARDINALITY_OVERFLOW, metric.name()));
      }
    }
    this.overflow = Map.copyOf(counters);
    int tenants = settings.maxTenantsPerMetric;
    int values = settings.maxValuesPerLabel;
    this.http =
        new HttpMetrics(
            meters,
            settings.maxEndpointsPerMetric,
            tenants,
            counters(MetricCatalog.HTTP_REQUESTS, MetricCatalog.HTTP_REQUEST_DURATION));
    this.aiModels =
        new AiModelMetrics(
            meters,
            values,
            tenants,
            counters(
                MetricCatalog.AI_MODEL_REQUESTS,
                MetricCatalog.AI_MODEL_LATENCY,
                MetricCatalog.AI_TOKENS_CONSUMED,
                MetricCatalog.AI_MODEL_COST,
                MetricCatalog.AI_MODEL_TIME_TO_FIRST_CHUNK,
                MetricCatalog.AI_MODEL_TIME_PER_OUTPUT_CHUNK),
            settings.priceTable.current(LocalDate.now(settings.clock)),
            settings.tenantBudgets);
    Map<String, List<Counter>> single = new LinkedHashMap<>();
    overflow.forEach((name, counter) -> single.put(name, List.of(counter)));
    this.business = new BusinessMetrics(meters, values, tenants, single);
  }

  /** Lyss metrics on a new {@code PrometheusMeterRegistry} with the default settings. */
  public static LyssMetrics create() {
    return builder().build();
  }

  /** A builder for the settings (registry, tenant resolver, cardinality caps, status mapper). */
  public static LyssMetricsBuilder builder() {
    return new LyssMetricsBuilder();
  }

  /** The registry every meter is registered with. */
  public MeterRegistry registry() {
    return registry;
  }

  /** HTTP request metrics (used by the filters and {@link MonitorApi}). */
  public HttpMetrics http() {
    return http;
  }

  /** AI model request, latency, token, streaming and spend metrics. */
  public AiModelMetrics aiModels() {
    return aiModels;
  }

  /** Business metrics: sessions, conversations, messages, revenue, connections. */
  public BusinessMetrics business() {
    return business;
  }

  /**
   * lyss-metrics' part of the request pipeline ({@code ai.lyss.core.http.HttpPipeline}): {@code
   * http_requests_total} and {@code http_request_duration_seconds} once per request. The endpoint
   * is the {@code ai.lyss.route} request attribute when the framework sets it, else the {@code
   * MonitorApi} name of the method that handled the request, else the path with ids collapsed
   * (unrouted 404s grouped); the tenant is the pipeline's, {@code unknown} for requests refused as
   * malformed or unauthenticated.
   */
  public HttpObserver httpObserver() {
    return new HttpMetricsObserver(this);
  }

  /** Maps exceptions to the recorded HTTP status (500 by default). */
  public StatusMapper statusMapper() {
    return settings.statusMapper;
  }

  /**
   * Whether a 404 whose endpoint would come only from the raw path is recorded under {@link
   * HttpMetrics#UNMATCHED_NOT_FOUND} (the default) instead of the collapsed path.
   */
  public boolean groupsUnmatchedNotFound() {
    return settings.groupUnmatchedNotFound;
  }

  /**
   * The tenant of a {@link MonitorApi} call made outside a measured HTTP request, from the
   * configured supplier; {@code null} (recorded as {@code unknown}) when it has none or fails.
   */
  public @Nullable String callTenant() {
    Supplier<@Nullable String> supplier = settings.callTenant;
    try {
      return supplier.get();
    } catch (RuntimeException e) {
      RecordingErrors.swallowed("call tenant", e);
      return null;
    }
  }

  /**
   * How often a label value was replaced by {@code __overflow__} for a catalog metric.
   *
   * @param metricName the exposition name of the metric
   */
  public double overflowCount(String metricName) {
    Counter counter = overflow.get(metricName);
    return counter == null ? 0 : counter.count();
  }

  /**
   * The current metrics in the Prometheus text format 0.0.4.
   *
   * @throws IllegalStateException when the registry holds no {@code PrometheusMeterRegistry}
   */
  public String scrape() {
    return Exposition.of(registry).scrape(Exposition.PROMETHEUS_TEXT);
  }

  /**
   * The current metrics in the OpenMetrics text format 1.0.0 (which carries exemplars).
   *
   * @throws IllegalStateException when the registry holds no {@code PrometheusMeterRegistry}
   */
  public String scrapeOpenMetrics() {
    return Exposition.of(registry).scrape(Exposition.OPENMETRICS_TEXT);
  }

  private List<Counter> counters(MetricDefinition... metrics) {
    Counter[] result = new Counter[metrics.length];
    for (int i = 0; i < metrics.length; i++) {
      result[i] = requireNonNull(overflow.get(metrics[i].name()), metrics[i].name());
    }
    return List.of(result);
  }
}
