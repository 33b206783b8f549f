package ai.lyss.metrics.internal;

import ai.lyss.core.LabelValues;
import ai.lyss.metrics.MetricCatalog;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** The cached series of one (method, endpoint) pair, one per admitted tenant. */
public final class HttpRoute {

  private final Meters meters;
  private final LabelGuard tenantGuard;
  private final String method;
  private final String endpoint;
  private final ConcurrentHashMap<String, Series> byTenant = new ConcurrentHashMap<>();

  /**
   * Creates the route.
   *
   * @param meters meter factory
   * @param tenantGuard the tenant cap shared by every route of the HTTP metrics
   * @param method normalised method label
   * @param endpoint sanitised and admitted endpoint label
   */
  public HttpRoute(Meters meters, LabelGuard tenantGuard, String method, String endpoint) {
    this.meters = meters;
    this.tenantGuard = tenantGuard;
    this.method = method;
    this.endpoint = endpoint;
  }

  /**
   * Records one request.
   *
   * @param tenantId raw tenant
   * @param status HTTP status
   * @param durationNanos duration
   */
  public void record(@Nullable String tenantId, int status, long durationNanos) {
    // Raw lookup first: keys are clean values, and sanitising a clean value returns it unchanged.
    Series series = tenantId == null ? null : byTenant.get(tenantId);
    if (series == null) {
      series = series(LabelValues.sanitize(tenantId));
    }
    int code = status >= 100 && status <= 599 ? status : 500;
    series.counters.get(code).increment();
    series.timer.record(Math.max(0L, durationNanos), TimeUnit.NANOSECONDS);
  }

  private Series series(String tenant) {
    Series series = byTenant.get(tenant);
    if (series == null) {
      String admitted = tenantGuard.admit(tenant);
      series = byTenant.get(admitted);
      if (series == null) {
        series = byTenant.computeIfAbsent(admitted, Series::new);
      }
    }
    return series;
  }

  private final class Series {
    final Timer timer;
    final StatusCounters counters;

    Series(String tenant) {
      this.timer = meters.timer(MetricCatalog.HTTP_REQUEST_DURATION, method, endpoint, tenant);
      this.counters =
          new StatusCounters(
              status ->
                  meters.counter(
                      MetricCatalog.HTTP_REQUESTS,
                      method,
                      endpoint,
                      String.valueOf(status),
                      tenant));
    }
  }
}
