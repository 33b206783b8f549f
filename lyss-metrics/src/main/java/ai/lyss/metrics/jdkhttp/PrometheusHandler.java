package ai.lyss.metrics.jdkhttp;

import static java.util.Objects.requireNonNull;

import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.internal.Exposition;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Serves {@code /metrics} on a JDK {@code HttpServer}: the Prometheus text format, or OpenMetrics
 * when the scraper's {@code Accept} header asks for it (Prometheus does by default; it carries
 * exemplars).
 *
 * <pre>{@code
 * server.createContext("/metrics", PrometheusHandler.create(metrics));
 * }</pre>
 */
public final class PrometheusHandler implements HttpHandler {

  private final Exposition exposition;

  private PrometheusHandler(Exposition exposition) {
    this.exposition = exposition;
  }

  /**
   * Creates the handler.
   *
   * @param metrics the metrics to expose
   * @throws IllegalStateException when the metrics' registry holds no PrometheusMeterRegistry
   */
  public static PrometheusHandler create(LyssMetrics metrics) {
    return new PrometheusHandler(Exposition.of(requireNonNull(metrics, "metrics").registry()));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String contentType =
          Exposition.contentTypeFor(exchange.getRequestHeaders().getFirst("Accept"));
      byte[] body;
      int status = 200;
      try {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
        exposition.write(buffer, contentType);
        body = buffer.toByteArray();
      } catch (RuntimeException e) {
        status = 500;
        contentType = "text/plain; charset=utf-8";
        body = ("scrape failed: " + e.getClass().getName()).getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if ("HEAD".equals(method)) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
