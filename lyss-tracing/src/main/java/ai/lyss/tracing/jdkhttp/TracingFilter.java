package ai.lyss.tracing.jdkhttp;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.jdkhttp.ExchangeRequestView;
import ai.lyss.core.jdkhttp.ScopedExchange;
import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.internal.HttpServerSpans;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A {@code com.sun.net.httpserver} filter that runs each exchange in a SERVER span, like {@link
 * ai.lyss.tracing.servlet.TracingServletFilter}: add it with {@code context.getFilters().add(new
 * TracingFilter(tracing))}.
 */
public final class TracingFilter extends Filter {

  private final HttpServerSpans spans;

  /**
   * A filter for a running {@link LyssTracing}.
   *
   * @param tracing where spans go
   */
  public TracingFilter(LyssTracing tracing) {
    this(requireNonNull(tracing, "tracing").getOpenTelemetry());
  }

  /**
   * A filter for any OpenTelemetry instance.
   *
   * @param openTelemetry where spans go
   */
  public TracingFilter(OpenTelemetry openTelemetry) {
    this.spans = new HttpServerSpans(openTelemetry);
  }

  @Override
  public void doFilter(HttpExchange original, Chain chain) throws IOException {
    // One per-request attribute map for this filter, the others and the handler (see lyss-core):
    // on JDK 17 a route set on the plain exchange would name the spans of later requests.
    HttpExchange exchange = ScopedExchange.wrap(original);
    ExchangeRequestView view = ExchangeRequestView.of(exchange);
    InetSocketAddress local = exchange.getLocalAddress();
    InetSocketAddress remote = exchange.getRemoteAddress();
    String host = exchange.getRequestHeaders().getFirst("Host");
    Span span =
        spans.start(
            view,
            exchange instanceof HttpsExchange ? "https" : "http",
            host != null ? stripPort(host) : (local == null ? null : local.getHostString()),
            local == null ? -1 : local.getPort(),
            remote == null || remote.getAddress() == null
                ? null
                : remote.getAddress().getHostAddress(),
            exchange.getProtocol());
    Throwable error = null;
    Scope scope = span.makeCurrent();
    try {
      chain.doFilter(exchange);
    } catch (IOException | RuntimeException | Error e) {
      error = e;
      throw e;
    } finally {
      scope.close();
      int status = exchange.getResponseCode();
      HttpServerSpans.end(span, view, error != null && status < 100 ? 500 : status, error);
    }
  }

  private static String stripPort(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end > 0 ? host.substring(1, end) : host;
    }
    int colon = host.lastIndexOf(':');
    return colon > 0 ? host.substring(0, colon) : host;
  }

  @Override
  public String description() {
    return "lyss-tracing SERVER spans";
  }
}
