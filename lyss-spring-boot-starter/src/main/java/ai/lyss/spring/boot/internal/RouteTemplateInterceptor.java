package ai.lyss.spring.boot.internal;

import ai.lyss.core.RouteTemplates;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Copies Spring MVC's best-matching pattern ({@code /v1/conversations/{id}}) into the {@link
 * RouteTemplates#ROUTE_ATTRIBUTE} request attribute, where the Lyss metrics, tracing and logging
 * filters read the route template. The static-resource handler's catch-all {@code /**} is not a
 * route, and error dispatches keep the route of the request that failed.
 */
public final class RouteTemplateInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof ResourceHttpRequestHandler
        || request.getDispatcherType() == DispatcherType.ERROR) {
      return true;
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern instanceof String template && !template.isEmpty()) {
      request.setAttribute(RouteTemplates.ROUTE_ATTRIBUTE, template);
    }
    return true;
  }
}
