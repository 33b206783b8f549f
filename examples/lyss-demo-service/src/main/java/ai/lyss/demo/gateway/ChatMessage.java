package ai.lyss.demo.gateway;

import static java.util.Objects.requireNonNull;

/**
 * One chat message of a completion request.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text
 */
public record ChatMessage(String role, String content) {

  /** Validates the components. */
  public ChatMessage {
    requireNonNull(role, "role");
    requireNonNull(content, "content");
  }
}
