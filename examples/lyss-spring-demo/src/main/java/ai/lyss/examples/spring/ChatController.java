package ai.lyss.examples.spring;

import ai.lyss.metrics.MonitorApi;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The chat endpoint of the demo. */
@RestController
public class ChatController {

  private final ModelGateway gateway;

  /**
   * Creates the controller.
   *
   * @param gateway the simulated model provider
   */
  public ChatController(ModelGateway gateway) {
    this.gateway = gateway;
  }

  /**
   * An OpenAI-style chat completion against the simulated provider.
   *
   * @param tenant the {@code X-Tenant-ID} header
   * @param request {@code {"model": "...", "messages": [...]}}
   */
  @PostMapping("/v1/chat/completions")
  @MonitorApi("chat_completions")
  public Map<String, Object> chatCompletions(
      @RequestHeader(name = "X-Tenant-ID", required = false) @Nullable String tenant,
      @RequestBody Map<String, Object> request) {
    Object model = request.get("model");
    if (!(model instanceof String name) || name.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "model is required");
    }
    Object messages = request.get("messages");
    int count = messages instanceof List<?> list ? list.size() : 0;
    ModelGateway.Completion completion = gateway.complete(name, tenant, count);
    return Map.of(
        "model",
        name,
        "choices",
        List.of(Map.of("message", Map.of("role", "assistant", "content", completion.text()))),
        "usage",
        Map.of(
            "prompt_tokens", completion.inputTokens(),
            "completion_tokens", completion.outputTokens(),
            "total_tokens", completion.inputTokens() + completion.outputTokens()));
  }
}
