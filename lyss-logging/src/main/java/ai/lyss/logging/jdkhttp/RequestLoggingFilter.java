package ai.lyss.logging.jdkhttp;

import ai.lyss.core.LyssHeaders;
import ai.lyss.core.TenantResolver;
import ai.lyss.core.jdkhttp.ExchangeRequestView;
import ai.lyss.core.jdkhttp.ScopedExchange;
import ai.lyss.logging.StructuredLogger;
import ai.lyss.logging.internal.CountingOutputStream;
import ai.lyss.logging.internal.RequestLog;
import ai.lyss.logging.internal.RequestLogBuilder;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Logs every HTTP request of a JDK {@code HttpServer} context: {@code Request started}, then {@code
 * Request completed} (status, duration from a monotonic clock, response bytes) or {@code Request
 * failed} (the error, then rethrown). The request id is taken from a valid {@code X-Request-ID}
 * header or generated, put into the MDC ({@code request_id}, with {@code tenant_id}) while the
 * handler runs, and returned in the {@code X-Request-ID} response header.
 *
 * <pre>{@code
 * server.createContext("/", handler).getFilters().add(RequestLoggingFilter.create());
 * }</pre>
 */
public final class RequestLoggingFilter extends Filter {

  private final RequestLog requestLog;

  private RequestLoggingFilter(RequestLog requestLog) {
    this.requestLog = requestLog;
  }

  /** A filter with the defaults: tenant from {@code X-Tenant-ID}, no trusted proxies. */
  public static RequestLoggingFilter create() {
    return builder().build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void doFilter(HttpExchange original, Chain chain) throws IOException {
    // One per-request attribute map for this filter, the others and the handler (see lyss-core).
    HttpExchange exchange = ScopedExchange.wrap(original);
    String requestId =
        RequestLog.requestId(exchange.getRequestHeaders().getFirst(LyssHeaders.REQUEST_ID));
    exchange.getResponseHeaders().set(LyssHeaders.REQUEST_ID, requestId);
    CountingOutputStream body = new CountingOutputStream(exchange.getResponseBody());
    exchange.setStreams(null, body);
    RequestLog.Scope scope =
        requestLog.start(
            ExchangeRequestView.of(exchange), requestId, url(exchange), remote(exchange));
    try {
      chain.doFilter(exchange);
      scope.completed(exchange.getResponseCode(), body.count());
    } catch (IOException | RuntimeException | Error e) {
      scope.failed(e);
      throw e;
    } finally {
      scope.close();
    }
  }

  @Override
  public String description() {
    return "Lyss request logging (request id, Request started/completed/failed)";
  }

  private static String url(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    String scheme = exchange instanceof HttpsExchange ? "https" : "http";
    String uri = exchange.getRequestURI().toString();
    return host == null ? uri : scheme + "://" + host + uri;
  }

  private static String remote(HttpExchange exchange) {
    InetSocketAddress address = exchange.getRemoteAddress();
    if (address == null) {
      return "unknown";
    }
    return address.getAddress() != null
        ? address.getAddress().getHostAddress()
        : address.getHostString();
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
     * none.
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
