package ai.lyss.core.servlet;

import ai.lyss.core.http.ObservedRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** The pipeline's view of a Servlet request; reads through to the live request. */
final class ServletObservedRequest extends ObservedRequest {

  private final HttpServletRequest request;
  private final ServletRequestView view;

  ServletObservedRequest(HttpServletRequest request) {
    this.request = request;
    this.view = ServletRequestView.of(request);
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    return view.path();
  }

  @Override
  public @Nullable String header(String name) {
    return view.header(name);
  }

  @Override
  public @Nullable Object attribute(String name) {
    return request.getAttribute(name);
  }

  @Override
  public String scheme() {
    return request.getScheme();
  }

  @Override
  public @Nullable String serverAddress() {
    return request.getServerName();
  }

  @Override
  public int serverPort() {
    return request.getLocalPort();
  }

  @Override
  public @Nullable String peerAddress() {
    return request.getRemoteAddr();
  }

  @Override
  public @Nullable String protocol() {
    return request.getProtocol();
  }

  @Override
  public @Nullable String query() {
    return request.getQueryString();
  }

  @Override
  public String url() {
    StringBuffer url = request.getRequestURL();
    String query = request.getQueryString();
    if (query != null) {
      url.append('?').append(query);
    }
    return url.toString();
  }
}
