package ai.lyss.core.jdkhttp;

import ai.lyss.core.http.ObservedRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/** The pipeline's view of a JDK HttpServer exchange (the per-request scoped one). */
final class ExchangeObservedRequest extends ObservedRequest {

  private final HttpExchange exchange;
  private final ExchangeRequestView view;

  ExchangeObservedRequest(HttpExchange exchange) {
    this.exchange = exchange;
    this.view = ExchangeRequestView.of(exchange);
  }

  @Override
  public String method() {
    return view.method();
  }

  @Override
  public String path() {
    return view.path();
  }

  @Override
  public @Nullable String header(String name) {
    return view.header(name);
  }

  @Override
  public @Nullable Object attribute(String name) {
    return view.attribute(name);
  }

  @Override
  public String scheme() {
    return exchange instanceof HttpsExchange ? "https" : "http";
  }

  @Override
  public @Nullable String serverAddress() {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host != null) {
      return stripPort(host);
    }
    InetSocketAddress local = exchange.getLocalAddress();
    return local == null ? null : local.getHostString();
  }

  @Override
  public int serverPort() {
    InetSocketAddress local = exchange.getLocalAddress();
    return local == null ? -1 : local.getPort();
  }

  @Override
  public @Nullable String peerAddress() {
    InetSocketAddress remote = exchange.getRemoteAddress();
    if (remote == null) {
      return null;
    }
    return remote.getAddress() != null
        ? remote.getAddress().getHostAddress()
        : remote.getHostString();
  }

  @Override
  public @Nullable String protocol() {
    return exchange.getProtocol();
  }

  @Override
  public @Nullable String query() {
    return exchange.getRequestURI().getRawQuery();
  }

  @Override
  public String url() {
    String host = exchange.getRequestHeaders().getFirst("Host");
    String uri = exchange.getRequestURI().toString();
    return host == null ? uri : scheme() + "://" + host + uri;
  }

  private static String stripPort(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end > 0 ? host.substring(1, end) : host;
    }
    int colon = host.lastIndexOf(':');
    return colon > 0 ? host.substring(0, colon) : host;
  }
}
