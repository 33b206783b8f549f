package ai.lyss.logging.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The encoder's handle on {@link ai.lyss.core.Redactor}, the one redaction engine Lyss has (rules,
 * sensitive keys and fast path live there). It only keeps the names the encoder's writers use.
 */
public final class Redactor {

  /** What a secret is replaced by. */
  public static final String MASK = ai.lyss.core.Redactor.MASK;

  /** A redactor that masks nothing. */
  public static final Redactor DISABLED = new Redactor(ai.lyss.core.Redactor.disabled());

  private final ai.lyss.core.Redactor engine;

  private Redactor(ai.lyss.core.Redactor engine) {
    this.engine = engine;
  }

  /**
   * A redactor with the built-in rules plus extra keys and patterns.
   *
   * @param extraKeys more sensitive field names
   * @param extraPatterns more secret shapes; each match is masked whole
   */
  public static Redactor create(Set<String> extraKeys, List<Pattern> extraPatterns) {
    return new Redactor(ai.lyss.core.Redactor.create(extraKeys, extraPatterns));
  }

  /**
   * Whether the value of a field with this name must be masked whole.
   *
   * @param key field name
   */
  public boolean isSensitiveKey(String key) {
    return engine.isSensitiveKey(key);
  }

  /**
   * Masks secret shapes in free text.
   *
   * @param text the text
   */
  public String redact(String text) {
    return engine.redact(text);
  }
}
