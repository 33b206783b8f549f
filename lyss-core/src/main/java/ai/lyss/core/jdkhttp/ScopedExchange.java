package ai.lyss.core.jdkhttp;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * An exchange whose attributes belong to this exchange alone.
 *
 * <p>On JDK 17 {@code HttpExchange.setAttribute} stores into the context's attribute map, shared by
 * every exchange of the context, so a route template set by one request would label the next (and
 * concurrent) ones. The outermost Lyss filter wraps the exchange once with {@link #wrap} and hands
 * the wrapper down the chain; inner Lyss filters get the same wrapper back from {@link #wrap}, so
 * every filter and the handler read and write one per-request attribute map. Reads fall back to the
 * original exchange for attributes set before the wrapping.
 */
public class ScopedExchange extends HttpExchange {

  private final HttpExchange delegate;
  private final ConcurrentHashMap<String, Object> attributes = new ConcurrentHashMap<>();

  private ScopedExchange(HttpExchange delegate) {
    this.delegate = delegate;
  }

  /**
   * Wraps an exchange, keeping HTTPS exchanges HTTPS; an exchange that is already scoped is
   * returned as it is.
   *
   * @param exchange the exchange from the server or an outer filter
   */
  public static HttpExchange wrap(HttpExchange exchange) {
    if (exchange instanceof ScopedExchange || exchange instanceof Https) {
      return exchange;
    }
    if (exchange instanceof HttpsExchange https) {
      return new Https(https);
    }
    return new ScopedExchange(exchange);
  }

  @Override
  public Headers getRequestHeaders() {
    return delegate.getRequestHeaders();
  }

  @Override
  public Headers getResponseHeaders() {
    return delegate.getResponseHeaders();
  }

  @Override
  public URI getRequestURI() {
    return delegate.getRequestURI();
  }

  @Override
  public String getRequestMethod() {
    return delegate.getRequestMethod();
  }

  @Override
  public HttpContext getHttpContext() {
    return delegate.getHttpContext();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public InputStream getRequestBody() {
    return delegate.getRequestBody();
  }

  @Override
  public OutputStream getResponseBody() {
    return delegate.getResponseBody();
  }

  @Override
  public void sendResponseHeaders(int status, long length) throws IOException {
    delegate.sendResponseHeaders(status, length);
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return delegate.getRemoteAddress();
  }

  @Override
  public int getResponseCode() {
    return delegate.getResponseCode();
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return delegate.getLocalAddress();
  }

  @Override
  public String getProtocol() {
    return delegate.getProtocol();
  }

  @Override
  public @Nullable Object getAttribute(String name) {
    Object own = attributes.get(name);
    return own != null ? own : delegate.getAttribute(name);
  }

  @Override
  public void setAttribute(String name, @Nullable Object value) {
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
  }

  @Override
  public void setStreams(@Nullable InputStream in, @Nullable OutputStream out) {
    delegate.setStreams(in, out);
  }

  @Override
  public @Nullable HttpPrincipal getPrincipal() {
    return delegate.getPrincipal();
  }

  /**
   * The HTTPS variant: the TLS session from the original exchange, everything else from a plain
   * {@link ScopedExchange} over it, so the per-exchange attributes live in one place. Java has no
   * mixins and {@link HttpsExchange} is an abstract class, so each method still needs its one-line
   * forward (the JDK's own {@code HttpsExchangeImpl} forwards the same way).
   */
  private static final class Https extends HttpsExchange {
    private final HttpsExchange tls;
    private final ScopedExchange scoped;

    Https(HttpsExchange delegate) {
      this.tls = delegate;
      this.scoped = new ScopedExchange(delegate);
    }

    @Override
    public SSLSession getSSLSession() {
      return tls.getSSLSession();
    }

    @Override
    public Headers getRequestHeaders() {
      return scoped.getRequestHeaders();
    }

    @Override
    public Headers getResponseHeaders() {
      return scoped.getResponseHeaders();
    }

    @Override
    public URI getRequestURI() {
      return scoped.getRequestURI();
    }

    @Override
    public String getRequestMethod() {
      return scoped.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
      return scoped.getHttpContext();
    }

    @Override
    public void close() {
      scoped.close();
    }

    @Override
    public InputStream getRequestBody() {
      return scoped.getRequestBody();
    }

    @Override
    public OutputStream getResponseBody() {
      return scoped.getResponseBody();
    }

    @Override
    public void sendResponseHeaders(int status, long length) throws IOException {
      scoped.sendResponseHeaders(status, length);
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return scoped.getRemoteAddress();
    }

    @Override
    public int getResponseCode() {
      return scoped.getResponseCode();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return scoped.getLocalAddress();
    }

    @Override
    public String getProtocol() {
      return scoped.getProtocol();
    }

    @Override
    public @Nullable Object getAttribute(String name) {
      return scoped.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, @Nullable Object value) {
      scoped.setAttribute(name, value);
    }

    @Override
    public void setStreams(@Nullable InputStream in, @Nullable OutputStream out) {
      scoped.setStreams(in, out);
    }

    @Override
    public @Nullable HttpPrincipal getPrincipal() {
      return scoped.getPrincipal();
    }
  }
}
