package ai.lyss.demo.gateway;

import static java.util.Objects.requireNonNull;

import ai.lyss.metrics.BusinessMetrics;
import java.time.Clock;
import java.util.List;

/** Conversations and their messages, kept in a bounded SQL store. */
public final class ConversationGateway implements ConversationService {

  private final ConversationStore store;
  private final BusinessMetrics business;
  private final Clock clock;

  /**
   * Creates the service.
   *
   * @param store where conversations are kept
   * @param business business metrics (conversations created, messages sent)
   * @param clock wall clock for timestamps
   */
  public ConversationGateway(ConversationStore store, BusinessMetrics business, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.business = requireNonNull(business, "business");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public Conversation create(RequestContext context, String title) {
    context.failIfServerFaultRequested();
    Conversation conversation =
        new Conversation(
            Ids.next("conv_"),
            context.tenantId(),
            cut(title),
            clock.instant().toString(),
            List.of());
    store.put(conversation, slow(context));
    business.trackConversationCreated(context.tenantId());
    return conversation;
  }

  @Override
  public Conversation get(RequestContext context, String id) {
    context.failIfServerFaultRequested();
    Conversation conversation = store.get(context.tenantId(), id, slow(context));
    if (conversation == null) {
      throw ApiException.notFound("conversation_not_found", "No conversation '" + id + "'");
    }
    return conversation;
  }

  @Override
  public Message addMessage(
      RequestContext context, String conversationId, String role, String type, String content) {
    context.failIfServerFaultRequested();
    Message message =
        new Message(
            Ids.next("msg_"), conversationId, role, type, cut(content), clock.instant().toString());
    if (!store.append(context.tenantId(), message, slow(context))) {
      throw ApiException.conflict(
          "conversation_full",
          "A conversation holds at most " + ConversationStore.MAX_MESSAGES + " messages");
    }
    business.trackMessageSent(context.tenantId(), type);
    return message;
  }

  private static boolean slow(RequestContext context) {
    return context.fault() == RequestContext.Fault.SLOW_DB;
  }

  private static String cut(String text) {
    return text.length() <= ConversationStore.MAX_STORED_CONTENT
        ? text
        : text.substring(0, ConversationStore.MAX_STORED_CONTENT);
  }
}
