package ai.lyss.core.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The HTTPS variant of the scoped exchange, over an exchange that records what reaches it. */
class ScopedHttpsExchangeTest {

  @Test
  void anHttpsExchangeStaysHttps() {
    assertThat(ScopedExchange.wrap(new Original())).isInstanceOf(HttpsExchange.class);
  }

  @Test
  void attributesSetOnTheWrapperStayOffTheSharedContextMap() {
    Original original = new Original();
    HttpExchange scoped = ScopedExchange.wrap(original);

    scoped.setAttribute("ai.lyss.route", "/v1/chat/completions");

    assertThat(scoped.getAttribute("ai.lyss.route")).isEqualTo("/v1/chat/completions");
    assertThat(original.attributes).isEmpty();
  }

  @Test
  void attributesSetBeforeTheWrappingAreStillRead() {
    Original original = new Original();
    original.setAttribute("set-early", "yes");

    assertThat(ScopedExchange.wrap(original).getAttribute("set-early")).isEqualTo("yes");
  }

  @Test
  void requestDataComesFromTheOriginal() {
    HttpExchange scoped = ScopedExchange.wrap(new Original());

    assertThat(scoped.getRequestMethod()).isEqualTo("POST");
    assertThat(scoped.getRequestURI()).isEqualTo(URI.create("/v1/chat/completions"));
  }

  /** An HTTPS exchange whose attribute map plays the JDK 17 context-wide map. */
  private static final class Original extends HttpsExchange {
    final Map<String, Object> attributes = new HashMap<>();

    @Override
    public SSLSession getSSLSession() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Headers getRequestHeaders() {
      return new Headers();
    }

    @Override
    public Headers getResponseHeaders() {
      return new Headers();
    }

    @Override
    public URI getRequestURI() {
      return URI.create("/v1/chat/completions");
    }

    @Override
    public String getRequestMethod() {
      return "POST";
    }

    @Override
    public HttpContext getHttpContext() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}

    @Override
    public InputStream getRequestBody() {
      return InputStream.nullInputStream();
    }

    @Override
    public OutputStream getResponseBody() {
      return OutputStream.nullOutputStream();
    }

    @Override
    public void sendResponseHeaders(int status, long length) {}

    @Override
    public InetSocketAddress getRemoteAddress() {
      return new InetSocketAddress(0);
    }

    @Override
    public int getResponseCode() {
      return -1;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return new InetSocketAddress(0);
    }

    @Override
    public String getProtocol() {
      return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
      return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
      attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {}

    @Override
    public HttpPrincipal getPrincipal() {
      return null;
    }
  }
}
