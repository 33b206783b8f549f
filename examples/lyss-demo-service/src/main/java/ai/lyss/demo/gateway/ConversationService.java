package ai.lyss.demo.gateway;

import ai.lyss.metrics.MonitorApi;
import ai.lyss.tracing.Traced;
import java.util.List;

/** The conversations endpoints' business logic. */
public interface ConversationService {

  /** Message types a client may send; a fixed set keeps the metric label bounded. */
  List<String> MESSAGE_TYPES = List.of("text", "image", "audio", "file");

  /**
   * A conversation as returned to clients.
   *
   * @param id {@code conv_...}
   * @param tenantId owner
   * @param title title
   * @param createdAt ISO-8601 instant
   * @param messages messages, oldest first
   */
  record Conversation(
      String id, String tenantId, String title, String createdAt, List<Message> messages) {}

  /**
   * One stored message.
   *
   * @param id {@code msg_...}
   * @param conversationId the conversation
   * @param role who wrote it
   * @param type one of {@link #MESSAGE_TYPES}
   * @param content the text, cut to {@link ConversationStore#MAX_STORED_CONTENT} characters
   * @param createdAt ISO-8601 instant
   */
  record Message(
      String id,
      String conversationId,
      String role,
      String type,
      String content,
      String createdAt) {}

  /**
   * Creates a conversation.
   *
   * @param context tenant and injected faults
   * @param title the title, may be empty
   */
  @MonitorApi(value = "conversations_create", method = "POST")
  @Traced("conversations.create")
  Conversation create(RequestContext context, String title);

  /**
   * Returns one of the tenant's conversations.
   *
   * @param context tenant and injected faults
   * @param id the conversation id
   * @throws ApiException 404 when the tenant has no such conversation
   */
  @MonitorApi(value = "conversations_get", method = "GET")
  @Traced("conversations.get")
  Conversation get(RequestContext context, String id);

  /**
   * Adds a message to one of the tenant's conversations.
   *
   * @param context tenant and injected faults
   * @param conversationId the conversation id
   * @param role who writes it
   * @param type one of {@link #MESSAGE_TYPES}
   * @param content the text
   * @throws ApiException 404 for an unknown conversation, 409 when it is full
   */
  @MonitorApi(value = "conversations_add_message", method = "POST")
  @Traced("conversations.add_message")
  Message addMessage(
      RequestContext context, String conversationId, String role, String type, String content);
}
