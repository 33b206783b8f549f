package ai.lyss.demo.http;

import ai.lyss.demo.gateway.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Handles one route of the API once the router has matched it and validated the headers. */
@FunctionalInterface
interface Endpoint {

  /**
   * Handles the request.
   *
   * @param request the request
   * @param response the response
   * @param context tenant, plan and injected fault
   * @param pathId the {@code {id}} segment of the route, empty when the route has none
   */
  void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      RequestContext context,
      String pathId)
      throws IOException;
}
