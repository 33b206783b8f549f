package ai.lyss.core.servlet;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.HeaderValues;
import ai.lyss.core.RequestView;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** A {@link RequestView} over a Jakarta Servlet request. */
public final class ServletRequestView implements RequestView {

  private final HttpServletRequest request;

  private ServletRequestView(HttpServletRequest request) {
    this.request = request;
  }

  /**
   * Wraps a servlet request.
   *
   * @param request the request
   */
  public static ServletRequestView of(HttpServletRequest request) {
    return new ServletRequestView(requireNonNull(request, "request"));
  }

  /** The wrapped request. */
  public HttpServletRequest unwrap() {
    return request;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    // Path inside the application, without the context path or query string.
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    if (uri == null || uri.isEmpty()) {
      return "/";
    }
    if (context != null && !context.isEmpty() && uri.startsWith(context)) {
      uri = uri.substring(context.length());
    }
    return uri.isEmpty() ? "/" : uri;
  }

  /** {@inheritDoc} UTF-8 values are decoded as UTF-8 ({@link HeaderValues#decodeUtf8}). */
  @Override
  public @Nullable String header(String name) {
    return HeaderValues.decodeUtf8OrNull(request.getHeader(name));
  }

  @Override
  public @Nullable Object attribute(String name) {
    return request.getAttribute(name);
  }
}
