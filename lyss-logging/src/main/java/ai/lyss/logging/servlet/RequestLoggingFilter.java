package ai.lyss.logging.servlet;

import ai.lyss.core.LyssHeaders;
import ai.lyss.core.TenantResolver;
import ai.lyss.core.servlet.ServletRequestView;
import ai.lyss.logging.StructuredLogger;
import ai.lyss.logging.internal.RequestLog;
import ai.lyss.logging.internal.RequestLogBuilder;
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
import java.util.List;

/**
 * Logs every HTTP request of a Servlet application: {@code Request started}, then {@code Request
 * completed} (status, duration from a monotonic clock, response bytes) or {@code Request failed}
 * (the error, then rethrown). The request id is taken from a valid {@code X-Request-ID} header or
 * generated, put into the MDC ({@code request_id}, with {@code tenant_id}) for every line logged
 * while the request runs, and returned in the {@code X-Request-ID} response header. The MDC is
 * restored when the request ends.
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(RequestLoggingFilter.builder()
 *     .trustedProxies(List.of("10.0.0.0/8")).build()), "/*", EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 */
public final class RequestLoggingFilter implements Filter {

  private final RequestLog requestLog;

  /** A filter with the defaults, for containers that create filters by class name. */
  public RequestLoggingFilter() {
    this(new RequestLogBuilder().build());
  }

  private RequestLoggingFilter(RequestLog requestLog) {
    this.requestLog = requestLog;
  }

  /** A filter with the defaults: tenant from {@code X-Tenant-ID}, no trusted proxies. */
  public static RequestLoggingFilter create() {
    return new RequestLoggingFilter();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)
        || !(response instanceof HttpServletResponse httpResponse)) {
      chain.doFilter(request, response);
      return;
    }
    String requestId = RequestLog.requestId(http.getHeader(LyssHeaders.REQUEST_ID));
    httpResponse.setHeader(LyssHeaders.REQUEST_ID, requestId);
    CountingResponse counting = new CountingResponse(httpResponse);
    RequestLog.Scope scope =
        requestLog.start(ServletRequestView.of(http), requestId, url(http), http.getRemoteAddr());
    try {
      chain.doFilter(request, counting);
      if (http.isAsyncStarted()) {
        http.getAsyncContext().addListener(new Completion(scope, counting));
      } else {
        scope.completed(counting.getStatus(), counting.bytesWritten());
      }
    } catch (IOException | ServletException | RuntimeException | Error e) {
      scope.failed(e);
      throw e;
    } finally {
      scope.close();
    }
  }

  private static String url(HttpServletRequest request) {
    StringBuffer url = request.getRequestURL();
    String query = request.getQueryString();
    if (query != null) {
      url.append('?').append(query);
    }
    return url.toString();
  }

  /** Logs the end of an asynchronous request on the thread that completes it. */
  private static final class Completion implements AsyncListener {
    private final RequestLog.Scope scope;
    private final CountingResponse response;

    Completion(RequestLog.Scope scope, CountingResponse response) {
      this.scope = scope;
      this.response = response;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      scope.enter();
      try {
        scope.completed(response.getStatus(), response.bytesWritten());
      } finally {
        scope.leave();
      }
    }

    @Override
    public void onError(AsyncEvent event) {
      scope.enter();
      try {
        Throwable error = event.getThrowable();
        scope.failed(error != null ? error : new IllegalStateException("async request failed"));
      } finally {
        scope.leave();
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      // onComplete follows and logs the final status.
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }
  }

  /** Configures a {@link RequestLoggingFilter}. */
  public static final class Builder {
    private final RequestLogBuilder settings = new RequestLogBuilder();

    private Builder() {}

    /**
     * Where request lines go; default the logger {@code ai.lyss.logging.request}.
     *
     * @param logger the logger
     */
    public Builder logger(StructuredLogger logger) {
      settings.logger(logger);
      return this;
    }

    /**
     * How the tenant is found; default the {@code X-Tenant-ID} header.
     *
     * @param tenantResolver the resolver
     */
    public Builder tenantResolver(TenantResolver tenantResolver) {
      settings.tenantResolver(tenantResolver);
      return this;
    }

    /**
     * Proxies (IP addresses or CIDR ranges) whose {@code X-Forwarded-For} is believed; default
     * none, so the client address is the connection's peer.
     *
     * @param proxies the proxies
     */
    public Builder trustedProxies(List<String> proxies) {
      settings.trustedProxies(proxies);
      return this;
    }

    /** Builds the filter; a malformed proxy entry throws naming it. */
    public RequestLoggingFilter build() {
      return new RequestLoggingFilter(settings.build());
    }
  }
}
