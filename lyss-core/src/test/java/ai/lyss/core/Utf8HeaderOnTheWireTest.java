package ai.lyss.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.jdkhttp.ExchangeRequestView;
import ai.lyss.core.servlet.ServletRequestView;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * A tenant id sent as raw UTF-8 bytes over a socket is resolved as the client wrote it, over a real
 * Jetty and a real JDK HttpServer (both read header bytes as ISO-8859-1).
 */
class Utf8HeaderOnTheWireTest {

  private static final byte[] TENANT_UTF8 = "ténant-東京".getBytes(StandardCharsets.UTF_8);

  /** Sends a GET with {@code X-Tenant-ID} as the given raw bytes; returns the response body. */
  private static String sendRaw(int port, byte[] tenant) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /tenant HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Tenant-ID: "
              .getBytes(StandardCharsets.US_ASCII));
      out.write(tenant);
      out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      assertThat(text).startsWith("HTTP/1.1 200");
      return text.substring(text.indexOf("\r\n\r\n") + 4);
    }
  }

  private static String resolve(RequestView view) {
    return TenantResolver.fromTenantHeader().resolveOrUnknown(view);
  }

  @Test
  void jdkHttpServerResolvesAUtf8TenantAsSent() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = resolve(ExchangeRequestView.of(exchange)).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      assertThat(sendRaw(server.getAddress().getPort(), TENANT_UTF8)).isEqualTo("ténant-東京");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void jettyResolvesAUtf8TenantAsSent() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(
        new ServletHolder(
            new HttpServlet() {
              private static final long serialVersionUID = 1L;

              @Override
              protected void doGet(HttpServletRequest request, HttpServletResponse response)
                  throws IOException {
                byte[] body =
                    resolve(ServletRequestView.of(request)).getBytes(StandardCharsets.UTF_8);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
              }
            }),
        "/*");
    server.setHandler(context);
    server.start();
    try {
      assertThat(sendRaw(connector.getLocalPort(), TENANT_UTF8)).isEqualTo("ténant-東京");
    } finally {
      server.stop();
    }
  }

  @Test
  void aGenuineIso88591ByteStaysTheCharacterItNames() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = resolve(ExchangeRequestView.of(exchange)).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      byte[] latin1 = {'t', (byte) 0xE9, 'n', 'a', 'n', 't'}; // "ténant" in ISO-8859-1
      assertThat(sendRaw(server.getAddress().getPort(), latin1)).isEqualTo("ténant");
    } finally {
      server.stop(0);
    }
  }
}
