package ai.lyss.examples.spring;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo's trace backend in tests: an OTLP/HTTP endpoint that decodes each export with the
 * official OpenTelemetry protobuf classes, as a collector or Jaeger would.
 */
final class OtlpTraces implements AutoCloseable {

  private final HttpServer server;
  private final List<ResourceSpans> received = new CopyOnWriteArrayList<>();

  OtlpTraces() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            received.addAll(
                ExportTraceServiceRequest.parseFrom(body.readAllBytes()).getResourceSpansList());
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

  String tracesUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
  }

  /** Every span received so far. */
  List<Span> spans() {
    List<Span> all = new ArrayList<>();
    for (ResourceSpans resource : received) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        all.addAll(scope.getSpansList());
      }
    }
    return all;
  }

  /** The resource attribute of the first export, or {@code ""}. */
  String resourceAttribute(String key) {
    return received.isEmpty() ? "" : value(received.get(0).getResource().getAttributesList(), key);
  }

  /** A span's string attribute, or {@code ""}. */
  static String attribute(Span span, String key) {
    return value(span.getAttributesList(), key);
  }

  private static String value(List<KeyValue> attributes, String key) {
    for (KeyValue attribute : attributes) {
      if (attribute.getKey().equals(key)) {
        return attribute.getValue().getStringValue();
      }
    }
    return "";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
