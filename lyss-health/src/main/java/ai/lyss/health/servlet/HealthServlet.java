package ai.lyss.health.servlet;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.RequestView;
import ai.lyss.core.servlet.ServletRequestView;
import ai.lyss.health.DetailAccess;
import ai.lyss.health.HealthRegistry;
import ai.lyss.health.internal.HealthEndpoint;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Serves {@code /health}, {@code /health/live} and {@code /health/ready}: the report JSON, 200 when
 * healthy and 503 otherwise, {@code Cache-Control: no-store}. Map it to {@code /health/*}:
 *
 * <pre>{@code
 * context.addServlet(new ServletHolder(HealthServlet.of(registry)), "/health/*");
 * }</pre>
 *
 * <p>Error texts and details are shown only to callers the access rule admits (default: none).
 */
public final class HealthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient HealthRegistry registry;
  private final transient Predicate<RequestView> detailAccess;

  private HealthServlet(HealthRegistry registry, Predicate<RequestView> detailAccess) {
    this.registry = registry;
    this.detailAccess = detailAccess;
  }

  /**
   * A servlet that never shows error texts.
   *
   * @param registry the checks
   */
  public static HealthServlet of(HealthRegistry registry) {
    return of(registry, DetailAccess.none());
  }

  /**
   * A servlet that shows error texts to callers admitted by {@code detailAccess}.
   *
   * @param registry the checks
   * @param detailAccess for example {@code DetailAccess.bearerToken(token)}
   */
  public static HealthServlet of(HealthRegistry registry, Predicate<RequestView> detailAccess) {
    return new HealthServlet(
        requireNonNull(registry, "registry"), requireNonNull(detailAccess, "detailAccess"));
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Cache-Control", HealthEndpoint.CACHE_CONTROL);
    resp.setContentType(HealthEndpoint.CONTENT_TYPE);
    HealthEndpoint.Kind kind = HealthEndpoint.route(subPath(req));
    if (kind == null) {
      send(resp, 404, HealthEndpoint.errorBody("not found"));
      return;
    }
    RequestView view = ServletRequestView.of(req);
    boolean detailed;
    try {
      detailed = detailAccess.test(view);
    } catch (RuntimeException e) {
      detailed = false;
    }
    HealthEndpoint.Response response = HealthEndpoint.respond(registry, kind, detailed);
    send(resp, response.status(), response.body());
  }

  private static String subPath(HttpServletRequest req) {
    String pathInfo = req.getPathInfo();
    if (pathInfo != null) {
      return pathInfo;
    }
    // Mapped by exact paths ("/health/live") rather than "/health/*".
    String servletPath = req.getServletPath() == null ? "" : req.getServletPath();
    if (servletPath.endsWith("/live")) {
      return "/live";
    }
    return servletPath.endsWith("/ready") ? "/ready" : "";
  }

  private static void send(HttpServletResponse resp, int status, byte[] body) throws IOException {
    resp.setStatus(status);
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
