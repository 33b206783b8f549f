package ai.lyss.demo.http;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.RouteTemplates;
import ai.lyss.core.servlet.ServletRequestView;
import ai.lyss.demo.gateway.ApiException;
import ai.lyss.demo.gateway.ChatService;
import ai.lyss.demo.gateway.ConversationService;
import ai.lyss.demo.gateway.SessionService;
import ai.lyss.logging.Fields;
import ai.lyss.logging.StructuredLogger;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The {@code /v1/*} API: matches the route, records its template under {@link
 * RouteTemplates#ROUTE_ATTRIBUTE} for the metrics, logging and tracing filters, validates the
 * headers and maps refusals to OpenAI-style error bodies.
 */
@SuppressWarnings("serial") // never serialized
public final class ApiServlet extends HttpServlet {

  private static final StructuredLogger LOG = StructuredLogger.getLogger(ApiServlet.class);

  private final Routes routes;

  /**
   * Creates the servlet over the three services.
   *
   * @param chat chat completions
   * @param conversations conversations and messages
   * @param sessions login and logout
   */
  public ApiServlet(ChatService chat, ConversationService conversations, SessionService sessions) {
    ChatEndpoint chatEndpoint = new ChatEndpoint(requireNonNull(chat, "chat"));
    ResourceEndpoints resources =
        new ResourceEndpoints(
            requireNonNull(conversations, "conversations"), requireNonNull(sessions, "sessions"));
    routes =
        new Routes()
            .add("POST", "/v1/chat/completions", chatEndpoint::complete)
            .add("POST", "/v1/conversations", resources::createConversation)
            .add("GET", "/v1/conversations/{id}", resources::getConversation)
            .add("POST", "/v1/conversations/{id}/messages", resources::addMessage)
            .add("POST", "/v1/sessions", resources::login)
            .add("DELETE", "/v1/sessions/{id}", resources::logout);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Routes.Match match = routes.match(request.getMethod(), ServletRequestView.of(request).path());
    if (match.template() != null) {
      request.setAttribute(RouteTemplates.ROUTE_ATTRIBUTE, match.template());
    }
    try {
      Endpoint endpoint = match.endpoint();
      if (endpoint == null) {
        if (match.allowed().isEmpty()) {
          throw ApiException.notFound("not_found", "No such endpoint");
        }
        response.setHeader("Allow", String.join(", ", match.allowed()));
        throw ApiException.methodNotAllowed("Allowed methods: " + match.allowed());
      }
      endpoint.handle(request, response, RequestContexts.of(request), match.pathId());
    } catch (ApiException e) {
      if (e.retryAfterSeconds() > 0) {
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      }
      Json.writeError(response, e.status(), e.type(), e.code(), e.getMessage());
    } catch (RuntimeException e) {
      // An unexpected failure: logged with its stack trace, answered without internals.
      LOG.error(
          "Unhandled error",
          e,
          Fields.of("method", request.getMethod(), "endpoint", String.valueOf(match.template())));
      Json.writeError(response, 500, "server_error", "internal_error", "Internal server error");
    }
  }
}
