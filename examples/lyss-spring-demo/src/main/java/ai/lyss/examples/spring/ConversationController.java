package ai.lyss.examples.spring;

import ai.lyss.metrics.MonitorApi;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Conversations stored with JPA, and an endpoint whose handler fails. */
@RestController
public class ConversationController {

  private final ConversationRepository conversations;

  /**
   * Creates the controller.
   *
   * @param conversations the JPA repository
   */
  public ConversationController(ConversationRepository conversations) {
    this.conversations = conversations;
  }

  /**
   * Stores a conversation.
   *
   * @param request {@code {"title": "..."}}
   */
  @PostMapping("/v1/conversations")
  @ResponseStatus(HttpStatus.CREATED)
  @MonitorApi("create_conversation")
  public Map<String, Object> create(@RequestBody Map<String, Object> request) {
    Object title = request.get("title");
    Conversation saved =
        conversations.save(
            new Conversation(
                UUID.randomUUID().toString(), title instanceof String t ? t : "untitled"));
    return Map.of("id", String.valueOf(saved.getId()), "title", String.valueOf(saved.getTitle()));
  }

  /**
   * Reads a conversation; the route template {@code /v1/conversations/{id}} labels its metrics.
   *
   * @param id the conversation id
   */
  @GetMapping("/v1/conversations/{id}")
  @MonitorApi("get_conversation")
  public Map<String, Object> conversation(@PathVariable("id") String id) {
    Conversation found =
        conversations
            .findById(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such id"));
    return Map.of("id", id, "title", String.valueOf(found.getTitle()));
  }

  /**
   * Always fails with an unhandled exception: the container logs it (with the request's ids) and
   * answers 500.
   */
  @GetMapping("/v1/failures/unhandled")
  public Map<String, Object> unhandled() {
    throw new IllegalStateException("demo failure: the handler threw");
  }
}
