package ai.lyss.metrics.servlet;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.servlet.ServletRequestView;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.internal.HttpScope;
import ai.lyss.metrics.internal.RequestRecording;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records {@code http_requests_total} and {@code http_request_duration_seconds} for every request
 * through a Jakarta Servlet container. Register it programmatically, first in the chain:
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(MetricsServletFilter.create(metrics)), "/*",
 *     EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 *
 * <p>The endpoint is the {@code ai.lyss.route} request attribute when the framework sets it, else
 * the {@code @MonitorApi} name of the method that handled the request, else the path with ids
 * collapsed. Asynchronous requests are recorded when they complete. A handler exception is recorded
 * with the mapped status (500 by default) and passed on unchanged.
 */
public final class MetricsServletFilter implements Filter {

  private final LyssMetrics metrics;

  private MetricsServletFilter(LyssMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * Creates the filter.
   *
   * @param metrics where requests are recorded
   */
  public static MetricsServletFilter create(LyssMetrics metrics) {
    return new MetricsServletFilter(requireNonNull(metrics, "metrics"));
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    long start = System.nanoTime();
    HttpScope scope = HttpScope.open();
    Throwable failure = null;
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      scope.close();
      if (failure == null && request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new Completion(request, response, scope, start));
      } else {
        int status =
            failure == null
                ? response.getStatus()
                : RequestRecording.statusAfterFailure(
                    metrics, response.isCommitted(), response.getStatus(), rootCause(failure));
        RequestRecording.record(metrics, ServletRequestView.of(request), scope, status, start);
      }
    }
  }

  private static Throwable rootCause(Throwable failure) {
    if (failure instanceof ServletException servlet && servlet.getRootCause() != null) {
      return servlet.getRootCause();
    }
    return failure;
  }

  /** Records an asynchronous request once, when it completes. */
  private final class Completion implements AsyncListener {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final HttpScope scope;
    private final long start;
    private final AtomicBoolean recorded = new AtomicBoolean();

    Completion(
        HttpServletRequest request, HttpServletResponse response, HttpScope scope, long start) {
      this.request = request;
      this.response = response;
      this.scope = scope;
      this.start = start;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      if (recorded.compareAndSet(false, true)) {
        RequestRecording.record(
            metrics, ServletRequestView.of(request), scope, response.getStatus(), start);
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }
  }
}
