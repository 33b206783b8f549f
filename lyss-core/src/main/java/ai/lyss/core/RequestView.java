package ai.lyss.core;

import org.jspecify.annotations.Nullable;

/**
 * A read-only, framework-neutral view of an incoming HTTP request.
 *
 * <p>Adapters exist for Jakarta Servlet ({@code ai.lyss.core.servlet.ServletRequestView}) and for
 * the JDK's {@code com.sun.net.httpserver} ({@code ai.lyss.core.jdkhttp.ExchangeRequestView}).
 * Tenant resolvers and route-template lookups are written once against this interface.
 */
public interface RequestView {

  /** The HTTP method, upper case as sent (for example {@code GET}). */
  String method();

  /** The request path without query string, never empty ({@code /} at the least). */
  String path();

  /**
   * The first value of a request header, or {@code null} when it is absent.
   *
   * @param name header name, matched case-insensitively
   */
  @Nullable String header(String name);

  /**
   * A request attribute set by the framework or an earlier filter, or {@code null}.
   *
   * @param name attribute name
   */
  @Nullable Object attribute(String name);
}
