package ai.lyss.testing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real OTLP/HTTP receiver: decodes request bodies with the official protobuf classes. */
public final class OtlpReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<ExportTraceServiceRequest> requests = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private final List<String> connectionHeaders = new CopyOnWriteArrayList<>();

  /**
   * A receiver on any free loopback port.
   *
   * @throws IOException when no port can be bound
   */
  public OtlpReceiver() throws IOException {
    this(0);
  }

  /**
   * A receiver on a given loopback port.
   *
   * @param port the port, 0 for any free one
   * @throws IOException when the port cannot be bound
   */
  public OtlpReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            connectionHeaders.add(
                String.valueOf(exchange.getRequestHeaders().getFirst("Connection")));
            requests.add(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
            byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
            exchange.getResponseBody().write(response);
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  /**
   * The receiver's base URL.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * The OTLP/HTTP traces URL.
   *
   * @return the base URL plus {@code /v1/traces}
   */
  public String tracesUrl() {
    return baseUrl() + "/v1/traces";
  }

  /**
   * Every request received, decoded.
   *
   * @return the live list of requests
   */
  public List<ExportTraceServiceRequest> requests() {
    return requests;
  }

  /**
   * The Content-Type header of each request.
   *
   * @return the live list of headers
   */
  public List<String> contentTypes() {
    return contentTypes;
  }

  /**
   * The Connection header of each request: {@code Keep-Alive} from OkHttp, {@code Upgrade,
   * HTTP2-Settings} from the JDK's HttpClient (it offers HTTP/2 on every plain-text request).
   *
   * @return the live list of headers
   */
  public List<String> connectionHeaders() {
    return connectionHeaders;
  }

  /**
   * The resource spans of every request.
   *
   * @return a snapshot
   */
  public List<ResourceSpans> resourceSpans() {
    List<ResourceSpans> all = new ArrayList<>();
    requests.forEach(r -> all.addAll(r.getResourceSpansList()));
    return all;
  }

  /**
   * Every span received.
   *
   * @return a snapshot
   */
  public List<Span> spans() {
    List<Span> all = new ArrayList<>();
    for (ResourceSpans rs : resourceSpans()) {
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        all.addAll(ss.getSpansList());
      }
    }
    return all;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
