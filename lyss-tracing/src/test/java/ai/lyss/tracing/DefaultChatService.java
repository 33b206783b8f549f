package ai.lyss.tracing;

import java.util.concurrent.CompletableFuture;

/** Its implementation, annotated. */
public class DefaultChatService implements ChatService {
  @Override
  @Traced("chat.reply")
  public String reply(String prompt) {
    return "echo " + prompt;
  }

  @Override
  @Traced("chat.fail")
  public String fail(String prompt) {
    throw new IllegalStateException("provider down for " + prompt);
  }

  @Override
  @Traced("chat.later")
  public CompletableFuture<String> replyLater(CompletableFuture<String> gate) {
    return gate.thenApply(s -> "later " + s);
  }

  @Override
  public String untraced() {
    return "plain";
  }
}
