package ai.lyss.core;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.internal.SecretRules;
import ai.lyss.core.internal.SecretRules.Rule;
import ai.lyss.core.internal.SensitiveKeys;
import ai.lyss.core.internal.UrlPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks secrets in text: the one redaction engine of Lyss, used by the JSON log encoder and by
 * every span attribute the library records from client or error text. It knows {@code sk-...} keys,
 * bearer and basic credentials, JWTs, credentials in URLs, cloud and SaaS tokens, PEM private keys,
 * credential headers and {@code key=value} pairs with a sensitive key; see the module README.
 *
 * <p>Immutable and thread-safe; never throws for non-null input, never modifies it, and returns the
 * same instance when there is nothing to mask. A text holding none of the characters a secret needs
 * is checked in one pass without running any regular expression.
 */
public final class Redactor {

  /** What a secret is replaced by. */
  public static final String MASK = SecretRules.MASK;

  private static final Redactor DEFAULTS = new Redactor(true, Set.of(), List.of());
  private static final Redactor DISABLED = new Redactor(false, Set.of(), List.of());

  private final boolean enabled;
  private final SensitiveKeys keys;
  private final List<Rule> rules;
  private final boolean hasExtraRules;

  private Redactor(boolean enabled, Set<String> extraKeys, List<Pattern> extraPatterns) {
    this.enabled = enabled;
    this.keys = new SensitiveKeys(extraKeys);
    List<Rule> all = new ArrayList<>(SecretRules.builtIn());
    for (Pattern pattern : extraPatterns) {
      all.add(SecretRules.custom(requireNonNull(pattern, "pattern")));
    }
    this.rules = List.copyOf(all);
    this.hasExtraRules = !extraPatterns.isEmpty();
  }

  /** The built-in rules and sensitive keys. */
  public static Redactor defaults() {
    return DEFAULTS;
  }

  /** A redactor that masks nothing, for a deliberate opt-out. */
  public static Redactor disabled() {
    return DISABLED;
  }

  /**
   * The built-in rules plus extra keys and patterns.
   *
   * @param extraKeys more sensitive field names (matched after the same normalisation as the
   *     built-in ones: {@code apiKey}, {@code api-key} and {@code API_KEY} are one name)
   * @param extraPatterns more secret shapes; each match is masked whole
   */
  public static Redactor create(Set<String> extraKeys, List<Pattern> extraPatterns) {
    requireNonNull(extraKeys, "extraKeys");
    requireNonNull(extraPatterns, "extraPatterns");
    if (extraKeys.isEmpty() && extraPatterns.isEmpty()) {
      return DEFAULTS;
    }
    return new Redactor(true, extraKeys, extraPatterns);
  }

  /** Whether this redactor masks anything at all. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Whether the value of a field, header or attribute with this name must be masked whole: {@code
   * password}, {@code client_secret}, {@code X-Api-Key}, {@code Authorization}, {@code
   * refreshToken}, but not {@code input_tokens} or {@code cache_key}.
   *
   * @param key the name
   */
  public boolean isSensitiveKey(String key) {
    return enabled && keys.isSensitive(key);
  }

  /**
   * Masks secret shapes in free text. A percent-encoded part of the text (a URL's path segment or
   * query value, {@code q=with%20sk-proj-...}) whose decoded form holds a secret becomes {@link
   * #MASK} whole, so a secret does not slip through encoded.
   *
   * @param text the text
   * @return the text with each secret replaced by {@link #MASK}; the same instance if none
   */
  public String redact(String text) {
    if (!enabled || text.length() < 6) {
      return text;
    }
    String result = applyRules(text);
    if (result.indexOf('%') >= 0) {
      result = UrlPaths.maskEncodedSegments(result, this::applyRules);
    }
    return result;
  }

  private String applyRules(String text) {
    int triggers = SecretRules.triggers(text);
    if (triggers == 0 && !hasExtraRules) {
      return text;
    }
    String result = text;
    for (Rule rule : rules) {
      if (rule.runsOn(triggers)) {
        result = rule.apply(result);
      }
    }
    return result;
  }
}
