package ai.lyss.health.jdkhttp;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.RequestView;
import ai.lyss.core.jdkhttp.ExchangeRequestView;
import ai.lyss.health.DetailAccess;
import ai.lyss.health.HealthRegistry;
import ai.lyss.health.internal.HealthEndpoint;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Predicate;

/**
 * Serves {@code /health}, {@code /health/live} and {@code /health/ready} on the JDK's {@code
 * HttpServer}: the report JSON, 200 when healthy and 503 otherwise, {@code Cache-Control:
 * no-store}. Mount it on {@code /health}:
 *
 * <pre>{@code
 * server.createContext("/health", HealthHandler.of(registry));
 * }</pre>
 *
 * <p>Error texts and details are shown only to callers the access rule admits (default: none).
 */
public final class HealthHandler implements HttpHandler {

  private final HealthRegistry registry;
  private final Predicate<RequestView> detailAccess;

  private HealthHandler(HealthRegistry registry, Predicate<RequestView> detailAccess) {
    this.registry = registry;
    this.detailAccess = detailAccess;
  }

  /**
   * A handler that never shows error texts.
   *
   * @param registry the checks
   */
  public static HealthHandler of(HealthRegistry registry) {
    return of(registry, DetailAccess.none());
  }

  /**
   * A handler that shows error texts to callers admitted by {@code detailAccess}.
   *
   * @param registry the checks
   * @param detailAccess for example {@code DetailAccess.bearerToken(token)}
   */
  public static HealthHandler of(HealthRegistry registry, Predicate<RequestView> detailAccess) {
    return new HealthHandler(
        requireNonNull(registry, "registry"), requireNonNull(detailAccess, "detailAccess"));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Cache-Control", HealthEndpoint.CACHE_CONTROL);
      exchange.getResponseHeaders().set("Content-Type", HealthEndpoint.CONTENT_TYPE);
      String method = exchange.getRequestMethod();
      boolean head = "HEAD".equals(method);
      if (!head && !"GET".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, HealthEndpoint.errorBody("method not allowed"), false);
        return;
      }
      RequestView view = ExchangeRequestView.of(exchange);
      String context = exchange.getHttpContext().getPath();
      String path = view.path();
      String sub = path.startsWith(context) ? path.substring(context.length()) : path;
      if (context.endsWith("/") && !sub.isEmpty()) {
        sub = "/" + sub;
      }
      HealthEndpoint.Kind kind = HealthEndpoint.route(sub);
      if (kind == null) {
        send(exchange, 404, HealthEndpoint.errorBody("not found"), head);
        return;
      }
      boolean detailed;
      try {
        detailed = detailAccess.test(view);
      } catch (RuntimeException e) {
        detailed = false;
      }
      HealthEndpoint.Response response = HealthEndpoint.respond(registry, kind, detailed);
      send(exchange, response.status(), response.body(), head);
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body, boolean head)
      throws IOException {
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
