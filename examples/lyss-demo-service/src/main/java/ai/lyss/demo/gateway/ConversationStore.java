package ai.lyss.demo.gateway;

import ai.lyss.demo.gateway.ConversationService.Conversation;
import ai.lyss.demo.gateway.ConversationService.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * In-memory conversations with hard bounds, so a client cannot grow the heap: at most {@link
 * #MAX_CONVERSATIONS} (the oldest is dropped), {@link #MAX_MESSAGES} messages each, content cut to
 * {@link #MAX_STORED_CONTENT} characters.
 */
public final class ConversationStore {

  /** Conversations kept at most. */
  public static final int MAX_CONVERSATIONS = 1_000;

  /** Messages per conversation at most. */
  public static final int MAX_MESSAGES = 50;

  /** Stored characters of a message's content at most. */
  public static final int MAX_STORED_CONTENT = 280;

  private final Map<String, Conversation> conversations =
      new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
          return size() > MAX_CONVERSATIONS;
        }
      };

  /**
   * Stores a new conversation.
   *
   * @param conversation the conversation
   */
  public synchronized void put(Conversation conversation) {
    conversations.put(conversation.id(), conversation);
  }

  /**
   * The tenant's conversation, or {@code null}.
   *
   * @param tenantId the tenant
   * @param id the conversation id
   */
  public synchronized @Nullable Conversation get(String tenantId, String id) {
    Conversation c = conversations.get(id);
    return c != null && c.tenantId().equals(tenantId) ? c : null;
  }

  /**
   * Appends a message.
   *
   * @param tenantId the tenant
   * @param message the message, its content already cut
   * @return false when the conversation holds {@link #MAX_MESSAGES} already
   * @throws ApiException 404 when the tenant has no such conversation
   */
  public synchronized boolean append(String tenantId, Message message) {
    Conversation c = get(tenantId, message.conversationId());
    if (c == null) {
      throw ApiException.notFound(
          "conversation_not_found", "No conversation '" + message.conversationId() + "'");
    }
    if (c.messages().size() >= MAX_MESSAGES) {
      return false;
    }
    List<Message> messages = new ArrayList<>(c.messages());
    messages.add(message);
    conversations.put(
        c.id(),
        new Conversation(c.id(), c.tenantId(), c.title(), c.createdAt(), List.copyOf(messages)));
    return true;
  }
}
