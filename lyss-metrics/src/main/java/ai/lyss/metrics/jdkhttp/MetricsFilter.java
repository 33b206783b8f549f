package ai.lyss.metrics.jdkhttp;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.jdkhttp.ExchangeRequestView;
import ai.lyss.core.jdkhttp.ScopedExchange;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.internal.HttpScope;
import ai.lyss.metrics.internal.RequestRecording;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Records {@code http_requests_total} and {@code http_request_duration_seconds} for every exchange
 * of a JDK {@code HttpServer} context:
 *
 * <pre>{@code
 * HttpContext context = server.createContext("/v1/", handler);
 * context.getFilters().add(MetricsFilter.create(metrics));
 * }</pre>
 *
 * <p>The endpoint is the {@code ai.lyss.route} exchange attribute when the handler sets it, else
 * the {@code @MonitorApi} name of the method that handled the exchange, else the path with ids
 * collapsed (404s without a route are grouped, see {@code HttpMetrics.UNMATCHED_NOT_FOUND}). The
 * filter passes an exchange with per-exchange attributes down the chain, because on JDK 17 the
 * server's own exchange attributes are shared by the whole context. A handler that throws is
 * recorded with the mapped status (500 by default) and the exception is passed on unchanged.
 */
public final class MetricsFilter extends Filter {

  private final LyssMetrics metrics;

  private MetricsFilter(LyssMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * Creates the filter.
   *
   * @param metrics where requests are recorded
   */
  public static MetricsFilter create(LyssMetrics metrics) {
    return new MetricsFilter(requireNonNull(metrics, "metrics"));
  }

  @Override
  public void doFilter(HttpExchange original, Chain chain) throws IOException {
    HttpExchange exchange = ScopedExchange.wrap(original);
    long start = System.nanoTime();
    HttpScope scope = HttpScope.open();
    Throwable failure = null;
    try {
      chain.doFilter(exchange);
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      scope.close();
      int sent = exchange.getResponseCode();
      int status =
          failure == null
              ? sent
              : RequestRecording.statusAfterFailure(metrics, sent > 0, sent, failure);
      RequestRecording.record(metrics, ExchangeRequestView.of(exchange), scope, status, start);
    }
  }

  @Override
  public String description() {
    return "Lyss HTTP metrics (http_requests_total, http_request_duration_seconds)";
  }
}
