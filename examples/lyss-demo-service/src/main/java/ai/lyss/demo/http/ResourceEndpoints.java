package ai.lyss.demo.http;

import ai.lyss.demo.gateway.ApiException;
import ai.lyss.demo.gateway.ConversationService;
import ai.lyss.demo.gateway.ConversationService.Conversation;
import ai.lyss.demo.gateway.ConversationService.Message;
import ai.lyss.demo.gateway.RequestContext;
import ai.lyss.demo.gateway.SessionService;
import ai.lyss.demo.gateway.SessionService.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The conversation and session endpoints. */
final class ResourceEndpoints {

  private static final List<String> MESSAGE_ROLES = List.of("user", "assistant", "system");
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final int MAX_TITLE = 200;

  private final ConversationService conversations;
  private final SessionService sessions;

  ResourceEndpoints(ConversationService conversations, SessionService sessions) {
    this.conversations = conversations;
    this.sessions = sessions;
  }

  void createConversation(
      HttpServletRequest request, HttpServletResponse response, RequestContext context, String id)
      throws IOException {
    String title = optionalString(Json.readObject(request), "title", "");
    if (title.length() > MAX_TITLE) {
      throw ApiException.badRequest("invalid_title", "'title' is at most " + MAX_TITLE + " chars");
    }
    Conversation created = conversations.create(context, title);
    response.setHeader("Location", "/v1/conversations/" + created.id());
    Json.write(response, 201, toJson(created));
  }

  void getConversation(
      HttpServletRequest request, HttpServletResponse response, RequestContext context, String id)
      throws IOException {
    Json.write(response, 200, toJson(conversations.get(context, id)));
  }

  void addMessage(
      HttpServletRequest request, HttpServletResponse response, RequestContext context, String id)
      throws IOException {
    JsonNode body = Json.readObject(request);
    String role = optionalString(body, "role", "user");
    if (!MESSAGE_ROLES.contains(role)) {
      throw ApiException.badRequest("invalid_role", "'role' must be one of " + MESSAGE_ROLES);
    }
    String type = optionalString(body, "type", "text");
    if (!ConversationService.MESSAGE_TYPES.contains(type)) {
      throw ApiException.badRequest(
          "invalid_type", "'type' must be one of " + ConversationService.MESSAGE_TYPES);
    }
    JsonNode content = body.get("content");
    if (content == null || !content.isString()) {
      throw ApiException.badRequest("missing_content", "'content' (a string) is required");
    }
    Message message = conversations.addMessage(context, id, role, type, content.stringValue());
    Json.write(response, 201, toJson(message));
  }

  void login(
      HttpServletRequest request, HttpServletResponse response, RequestContext context, String id)
      throws IOException {
    String userId = optionalString(Json.readObject(request), "user_id", "");
    if (!USER_ID.matcher(userId).matches()) {
      throw ApiException.badRequest(
          "invalid_user_id", "'user_id' is required: 1-64 letters, digits, '.', '_', '@' or '-'");
    }
    Session session = sessions.login(context, userId);
    ObjectNode body = Json.object();
    body.put("id", session.id());
    body.put("object", "session");
    body.put("tenant_id", session.tenantId());
    body.put("user_id", session.userId());
    body.put("created_at", session.createdAt());
    response.setHeader("Location", "/v1/sessions/" + session.id());
    Json.write(response, 201, body);
  }

  void logout(
      HttpServletRequest request, HttpServletResponse response, RequestContext context, String id) {
    sessions.logout(context, id);
    response.setStatus(204);
  }

  private static String optionalString(JsonNode body, String field, String fallback) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isString()) {
      throw ApiException.badRequest("invalid_" + field, "'" + field + "' must be a string");
    }
    return value.stringValue();
  }

  private static ObjectNode toJson(Conversation c) {
    ObjectNode body = Json.object();
    body.put("id", c.id());
    body.put("object", "conversation");
    body.put("tenant_id", c.tenantId());
    body.put("title", c.title());
    body.put("created_at", c.createdAt());
    ArrayNode messages = body.putArray("messages");
    for (Message m : c.messages()) {
      messages.add(toJson(m));
    }
    return body;
  }

  private static ObjectNode toJson(Message m) {
    ObjectNode body = Json.object();
    body.put("id", m.id());
    body.put("object", "conversation.message");
    body.put("conversation_id", m.conversationId());
    body.put("role", m.role());
    body.put("type", m.type());
    body.put("content", m.content());
    body.put("created_at", m.createdAt());
    return body;
  }
}
