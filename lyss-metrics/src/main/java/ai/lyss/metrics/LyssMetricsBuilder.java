package ai.lyss.metrics;

import static java.util.Objects.requireNonNull;

import ai.lyss.metrics.internal.Exemplars;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Settings of {@link LyssMetrics}; every setter validates, {@link #build()} applies them. */
public final class LyssMetricsBuilder {

  /** Default cap of distinct tenants per metric. */
  public static final int DEFAULT_MAX_TENANTS_PER_METRIC = 100;

  /** Default cap of distinct endpoints per HTTP metric. */
  public static final int DEFAULT_MAX_ENDPOINTS_PER_METRIC = 200;

  /** Default cap of distinct values of provider, model, message_type, plan_type and database. */
  public static final int DEFAULT_MAX_VALUES_PER_LABEL = 100;

  private static final int MAX_CAP = 1_000_000;

  @Nullable MeterRegistry registry;
  StatusMapper statusMapper = StatusMapper.defaults();
  Supplier<@Nullable String> callTenant = () -> null;
  int maxTenantsPerMetric = DEFAULT_MAX_TENANTS_PER_METRIC;
  int maxEndpointsPerMetric = DEFAULT_MAX_ENDPOINTS_PER_METRIC;
  int maxValuesPerLabel = DEFAULT_MAX_VALUES_PER_LABEL;
  boolean groupUnmatchedNotFound = true;
  boolean exemplars = true;
  PriceTable priceTable = PriceTable.empty();
  TenantBudgets tenantBudgets = TenantBudgets.none();
  Clock clock = Clock.systemUTC();

  LyssMetricsBuilder() {}

  /**
   * The registry to register with, instead of a new {@code PrometheusMeterRegistry}. The {@code
   * /metrics} handlers need a {@code PrometheusMeterRegistry} (directly or inside a {@code
   * CompositeMeterRegistry}). Use one {@code LyssMetrics} per registry.
   *
   * @param registry the registry
   */
  public LyssMetricsBuilder registry(MeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry");
    return this;
  }

  /**
   * Maps exceptions to the recorded status (every exception is 500 by default).
   *
   * @param statusMapper the mapper
   */
  public LyssMetricsBuilder statusMapper(StatusMapper statusMapper) {
    this.statusMapper = requireNonNull(statusMapper, "statusMapper");
    return this;
  }

  /**
   * The tenant of {@link MonitorApi} calls made outside a measured HTTP request (for example from
   * the service's request context); {@code unknown} by default.
   *
   * @param callTenant returns the current tenant or {@code null}
   */
  public LyssMetricsBuilder callTenant(Supplier<@Nullable String> callTenant) {
    this.callTenant = requireNonNull(callTenant, "callTenant");
    return this;
  }

  /**
   * How many distinct tenants each metric admits before recording {@code __overflow__}.
   *
   * @param max 1 to 1,000,000; default {@value #DEFAULT_MAX_TENANTS_PER_METRIC}
   */
  public LyssMetricsBuilder maxTenantsPerMetric(int max) {
    this.maxTenantsPerMetric = checkCap("maxTenantsPerMetric", max);
    return this;
  }

  /**
   * How many distinct endpoints each HTTP metric admits before recording {@code __overflow__}.
   *
   * @param max 1 to 1,000,000; default {@value #DEFAULT_MAX_ENDPOINTS_PER_METRIC}
   */
  public LyssMetricsBuilder maxEndpointsPerMetric(int max) {
    this.maxEndpointsPerMetric = checkCap("maxEndpointsPerMetric", max);
    return this;
  }

  /**
   * How many distinct values each other caller-supplied label (provider, model, message_type,
   * plan_type, database) admits per metric before recording {@code __overflow__}.
   *
   * @param max 1 to 1,000,000; default {@value #DEFAULT_MAX_VALUES_PER_LABEL}
   */
  public LyssMetricsBuilder maxValuesPerLabel(int max) {
    this.maxValuesPerLabel = checkCap("maxValuesPerLabel", max);
    return this;
  }

  /**
   * Whether a 404 with no route template and no {@link MonitorApi} name is recorded under {@link
   * HttpMetrics#UNMATCHED_NOT_FOUND} (default {@code true}) rather than its collapsed path.
   *
   * @param group the setting
   */
  public LyssMetricsBuilder groupUnmatchedNotFound(boolean group) {
    this.groupUnmatchedNotFound = group;
    return this;
  }

  /**
   * Whether the default registry attaches the current OpenTelemetry trace id as an exemplar to
   * histogram buckets and counters (default {@code true}; effective only when {@code
   * opentelemetry-api} is on the class path and no registry was supplied).
   *
   * @param enabled the setting
   */
  public LyssMetricsBuilder exemplars(boolean enabled) {
    this.exemplars = enabled;
    return this;
  }

  /**
   * The model prices that turn token usage into {@code ai_model_cost_total}, exported as {@code
   * ai_model_price}; empty by default (every AI call is then counted in {@code
   * lyss_ai_price_missing_total}). The rows in effect on the day of {@link #build()} (UTC) apply.
   *
   * @param priceTable the table, for example {@code PriceTable.load(Path.of("prices.csv"))}
   */
  public LyssMetricsBuilder priceTable(PriceTable priceTable) {
    this.priceTable = requireNonNull(priceTable, "priceTable");
    return this;
  }

  /**
   * Per-tenant AI spend budgets, exported as {@code ai_tenant_budget}; none by default.
   *
   * @param tenantBudgets the budgets, for example {@code
   *     TenantBudgets.load(Path.of("budgets.csv"))}
   */
  public LyssMetricsBuilder tenantBudgets(TenantBudgets tenantBudgets) {
    this.tenantBudgets = requireNonNull(tenantBudgets, "tenantBudgets");
    return this;
  }

  /**
   * The clock that decides which price rows are in effect; the system clock (UTC) by default.
   *
   * @param clock the clock
   */
  public LyssMetricsBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /** Creates the metrics; the catalog's meters are registered as they are first recorded. */
  public LyssMetrics build() {
    MeterRegistry target = registry;
    if (target == null) {
      target = Exemplars.newPrometheusRegistry(exemplars);
    }
    return new LyssMetrics(target, this);
  }

  private static int checkCap(String setting, int max) {
    if (max < 1 || max > MAX_CAP) {
      throw new IllegalArgumentException(
          setting
              + " must be between 1 and "
              + MAX_CAP
              + ", was "
              + max
              + ": set LyssMetrics.builder()."
              + setting
              + "(n) to the number of distinct values your series budget allows");
    }
    return max;
  }
}
