package ai.lyss.core.jdkhttp;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.HeaderValues;
import ai.lyss.core.RequestView;
import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;

/** A {@link RequestView} over a JDK {@link HttpExchange}. */
public final class ExchangeRequestView implements RequestView {

  private final HttpExchange exchange;

  private ExchangeRequestView(HttpExchange exchange) {
    this.exchange = exchange;
  }

  /**
   * Wraps an exchange.
   *
   * @param exchange the exchange
   */
  public static ExchangeRequestView of(HttpExchange exchange) {
    return new ExchangeRequestView(requireNonNull(exchange, "exchange"));
  }

  /** The wrapped exchange. */
  public HttpExchange unwrap() {
    return exchange;
  }

  @Override
  public String method() {
    return exchange.getRequestMethod();
  }

  @Override
  public String path() {
    String path = exchange.getRequestURI().getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  /** {@inheritDoc} UTF-8 values are decoded as UTF-8 ({@link HeaderValues#decodeUtf8}). */
  @Override
  public @Nullable String header(String name) {
    return HeaderValues.decodeUtf8OrNull(exchange.getRequestHeaders().getFirst(name));
  }

  @Override
  public @Nullable Object attribute(String name) {
    return exchange.getAttribute(name);
  }
}
