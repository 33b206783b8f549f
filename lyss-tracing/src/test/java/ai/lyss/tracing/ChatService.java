package ai.lyss.tracing;

import java.util.concurrent.CompletableFuture;

/** A service interface as a Lyss service would write it. */
public interface ChatService {
  String reply(String prompt);

  String fail(String prompt);

  CompletableFuture<String> replyLater(CompletableFuture<String> gate);

  String untraced();
}
