package ai.lyss.examples.spring;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/** A stored conversation (JPA entity in the in-memory H2 database). */
@Entity
public class Conversation {

  @Id private @Nullable String id;

  private @Nullable String title;

  /** For JPA. */
  protected Conversation() {}

  /**
   * A new conversation.
   *
   * @param id its id
   * @param title its title
   */
  public Conversation(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** The id. */
  public @Nullable String getId() {
    return id;
  }

  /** The title. */
  public @Nullable String getTitle() {
    return title;
  }
}
