package ai.lyss.metrics;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A test endpoint interface whose implementation carries the annotations (AspectJ semantics: method
 * annotations are not inherited from interfaces).
 */
public interface ChatApi {

  String complete(String prompt);

  CompletionStage<String> completeAsync(CompletableFuture<String> answer);

  String notMonitored(String value);

  /** The implementation: fails on request, to exercise the failure paths. */
  final class Impl implements ChatApi {
    @Override
    @MonitorApi(value = "chat_completions", method = "POST")
    public String complete(String prompt) {
      if (prompt.equals("quota")) {
        throw new QuotaExceededException();
      }
      if (prompt.equals("boom")) {
        throw new IllegalStateException("boom");
      }
      return "answer to " + prompt;
    }

    @Override
    @MonitorApi(value = "chat_async", method = "POST")
    public CompletionStage<String> completeAsync(CompletableFuture<String> answer) {
      return answer;
    }

    @Override
    public String notMonitored(String value) {
      return value;
    }
  }
}
