package ai.lyss.demo.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers every path outside the API and the operational endpoints with a JSON 404. It sets no
 * route template, so lyss-metrics records all of them under one endpoint.
 */
@SuppressWarnings("serial") // never serialized
public final class NotFoundServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Json.writeError(response, 404, "invalid_request_error", "not_found", "No such endpoint");
  }
}
