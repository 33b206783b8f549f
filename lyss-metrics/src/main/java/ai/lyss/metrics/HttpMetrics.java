package ai.lyss.metrics;

import ai.lyss.core.LabelValues;
import ai.lyss.core.RouteTemplates;
import ai.lyss.metrics.internal.HttpMethods;
import ai.lyss.metrics.internal.HttpRoute;
import ai.lyss.metrics.internal.LabelGuard;
import ai.lyss.metrics.internal.Meters;
import ai.lyss.metrics.internal.RecordingErrors;
import io.micrometer.core.instrument.Counter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Records {@code http_requests_total} and {@code http_request_duration_seconds}. The servlet and
 * JDK HTTP filters and {@link MonitorApi} use it; a service with another HTTP stack can call it
 * directly. Meters are resolved once per (method, endpoint, tenant) and cached; recording never
 * throws.
 */
public final class HttpMetrics {

  /**
   * The {@code endpoint} of a 404 that matched no route: the framework set no route template and no
   * {@link MonitorApi} method ran, so the only name would be the raw path, which scanners make
   * unbounded. Switch off with {@link LyssMetricsBuilder#groupUnmatchedNotFound(boolean)}.
   */
  public static final String UNMATCHED_NOT_FOUND = "__not_found__";

  private final Meters meters;
  private final LabelGuard endpointGuard;
  private final LabelGuard tenantGuard;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Route>> routes =
      new ConcurrentHashMap<>();

  HttpMetrics(Meters meters, int maxEndpoints, int maxTenants, List<Counter> overflowCounters) {
    this.meters = meters;
    this.endpointGuard =
        new LabelGuard(
            MetricCatalog.HTTP_REQUESTS.name(),
            MetricCatalog.ENDPOINT,
            maxEndpoints,
            overflowCounters);
    this.tenantGuard =
        new LabelGuard(
            MetricCatalog.HTTP_REQUESTS.name(),
            MetricCatalog.TENANT_ID,
            maxTenants,
            overflowCounters);
  }

  /**
   * Records one finished request.
   *
   * @param method the HTTP method ({@code GET}); non-standard methods are recorded as {@code
   *     _OTHER}
   * @param endpoint the route template or endpoint name, never a raw path
   * @param status the HTTP status code; values outside 100..599 are recorded as 500
   * @param tenantId the tenant, {@code null} gives {@code unknown}
   * @param durationNanos how long the request took, in nanoseconds
   */
  public void record(
      @Nullable String method,
      @Nullable String endpoint,
      int status,
      @Nullable String tenantId,
      long durationNanos) {
    try {
      route(method, endpoint).record(tenantId, status, durationNanos);
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.HTTP_REQUESTS.name(), e);
    }
  }

  /**
   * A handle on one (method, endpoint) pair, for callers that record it often: the handle skips the
   * method and endpoint lookups.
   *
   * @param method the HTTP method
   * @param endpoint the route template or endpoint name
   */
  public Route route(@Nullable String method, @Nullable String endpoint) {
    // Fast path: a known (method, endpoint) pair looked up with the raw values. Cache keys are
    // already clean, and sanitising is idempotent on clean values, so a hit is the right series.
    if (method != null && endpoint != null) {
      ConcurrentHashMap<String, Route> byEndpoint = routes.get(method);
      if (byEndpoint != null) {
        Route route = byEndpoint.get(endpoint);
        if (route != null) {
          return route;
        }
      }
    }
    String m = HttpMethods.normalize(method);
    String e = LabelValues.sanitize(endpoint, RouteTemplates.MAX_TEMPLATE_LENGTH);
    ConcurrentHashMap<String, Route> byEndpoint = routes.get(m);
    if (byEndpoint == null) {
      byEndpoint = routes.computeIfAbsent(m, k -> new ConcurrentHashMap<>());
    }
    Route route = byEndpoint.get(e);
    if (route != null) {
      return route;
    }
    String admitted = endpointGuard.admit(e);
    return byEndpoint.computeIfAbsent(
        admitted, k -> new Route(new HttpRoute(meters, tenantGuard, m, admitted)));
  }

  /** The pre-resolved meters of one (method, endpoint) pair. */
  public static final class Route {

    private final HttpRoute delegate;

    private Route(HttpRoute delegate) {
      this.delegate = delegate;
    }

    /**
     * Records one finished request of this route; never throws.
     *
     * @param tenantId the tenant, {@code null} gives {@code unknown}
     * @param status the HTTP status code; values outside 100..599 are recorded as 500
     * @param durationNanos how long the request took, in nanoseconds
     */
    public void record(@Nullable String tenantId, int status, long durationNanos) {
      try {
        delegate.record(tenantId, status, durationNanos);
      } catch (RuntimeException e) {
        RecordingErrors.swallowed(MetricCatalog.HTTP_REQUESTS.name(), e);
      }
    }
  }
}
