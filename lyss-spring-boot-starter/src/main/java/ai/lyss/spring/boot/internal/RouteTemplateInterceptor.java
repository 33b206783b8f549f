package ai.lyss.spring.boot.internal;

import ai.lyss.core.RouteTemplates;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Copies Spring MVC's best-matching pattern ({@code /v1/conversations/{id}}) into the {@link
 * RouteTemplates#ROUTE_ATTRIBUTE} request attribute, where the Lyss metrics, tracing and logging
 * filters read the route template. Static resources and webjars get the resource handler's pattern
 * ({@code /**}, {@code /webjars/**}), as Boot's own metrics label them, once the file was found: a
 * missing file (404) keeps no route, so the filters group it with every other unmatched request
 * instead of labelling scanner traffic with the catch-all. Error dispatches keep the route of the
 * request that failed.
 */
public final class RouteTemplateInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof ResourceHttpRequestHandler
        || request.getDispatcherType() == DispatcherType.ERROR) {
      return true;
    }
    String template = pattern(request);
    if (template != null) {
      request.setAttribute(RouteTemplates.ROUTE_ATTRIBUTE, template);
    }
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      @Nullable Exception ex) {
    // Resources only: their status says whether the pattern matched a file.
    if (handler instanceof ResourceHttpRequestHandler
        && request.getDispatcherType() != DispatcherType.ERROR
        && ex == null
        && response.getStatus() != HttpServletResponse.SC_NOT_FOUND) {
      String template = pattern(request);
      if (template != null) {
        request.setAttribute(RouteTemplates.ROUTE_ATTRIBUTE, template);
      }
    }
  }

  private static @Nullable String pattern(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return pattern instanceof String template && !template.isEmpty() ? template : null;
  }
}
