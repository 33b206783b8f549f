package ai.lyss.logging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in field values and free text. Immutable and thread-safe; never modifies its input,
 * returns the same instance when there is nothing to mask.
 */
public final class Redactor {

  /** What a secret is replaced by. */
  public static final String MASK = "[REDACTED]";

  private static final List<Rule> BUILT_IN =
      List.of(
          // PEM private keys, possibly cut short by a length cap.
          new Rule(
              t -> t.contains("-----BEGIN"),
              Pattern.compile(
                  "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE"
                      + " KEY-----|$)"),
              MASK),
          // user:password@ in URLs (database URLs, proxies, webhooks).
          new Rule(
              t -> t.contains("://") && t.indexOf('@') >= 0,
              Pattern.compile("(\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@]*:)[^\\s/@]+@"),
              "$1" + MASK + "@"),
          // Bearer / Basic credentials in headers or text.
          new Rule(
              t -> containsIgnoreCase(t, "bearer") || containsIgnoreCase(t, "basic"),
              Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"),
              "$1 " + MASK),
          // JSON Web Tokens.
          new Rule(
              t -> t.contains("eyJ"),
              Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"),
              MASK),
          // OpenAI / Anthropic style sk- keys (sk-..., sk-proj-..., sk-ant-...).
          new Rule(t -> t.contains("sk-"), Pattern.compile("\\bsk-[A-Za-z0-9_-]{16,}"), MASK),
          // Stripe-style live/test keys.
          new Rule(
              t -> t.contains("_live_") || t.contains("_test_"),
              Pattern.compile("\\b[rsp]k_(?:live|test)_[A-Za-z0-9]{10,}"),
              MASK),
          // AWS access key ids.
          new Rule(
              t -> t.contains("AKIA") || t.contains("ASIA"),
              Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
              MASK),
          // GitHub tokens.
          new Rule(
              t -> t.indexOf('_') >= 0,
              Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})"),
              MASK),
          // Slack tokens.
          new Rule(
              t -> t.contains("xox"), Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"), MASK),
          // Google API keys.
          new Rule(t -> t.contains("AIza"), Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"), MASK),
          // Hugging Face tokens.
          new Rule(t -> t.contains("hf_"), Pattern.compile("\\bhf_[A-Za-z0-9]{30,}"), MASK),
          // Header lines whose whole value is a credential.
          new Rule(
              t ->
                  hasSeparator(t)
                      && (containsIgnoreCase(t, "authoriz") || containsIgnoreCase(t, "cookie")),
              Pattern.compile(
                  "(?i)\\b((?:proxy-)?authorization|set-cookie|cookie)(\"?\\s*[:=]\\s*)[^\\r\\n]+"),
              "$1$2" + MASK),
          // key=value and "key":"value" pairs with a sensitive key.
          new Rule(
              Redactor::hasSeparator,
              Pattern.compile(
                  "(?i)((?:password|passwd|pwd|passphrase|secret|api[_-]?key|apikey|"
                      + "access[_-]?key|private[_-]?key|(?:access|refresh|id|auth|session)?[_-]?"
                      + "token|session[_-]?id|credentials?)\"?\\s*[:=]\\s*\"?)([^\\s\"&,;}]+)"),
              "$1" + MASK));

  /** A redactor that masks nothing. */
  public static final Redactor DISABLED = new Redactor(false, Set.of(), List.of());

  private final boolean enabled;
  private final SensitiveKeys keys;
  private final List<Rule> rules;

  private Redactor(boolean enabled, Set<String> extraKeys, List<Pattern> extraPatterns) {
    this.enabled = enabled;
    this.keys = new SensitiveKeys(extraKeys);
    List<Rule> all = new ArrayList<>(BUILT_IN);
    for (Pattern pattern : extraPatterns) {
      all.add(new Rule(t -> true, pattern, MASK));
    }
    this.rules = List.copyOf(all);
  }

  /**
   * A redactor with the built-in rules plus extra keys and patterns.
   *
   * @param extraKeys more sensitive field names
   * @param extraPatterns more secret shapes; each match is masked whole
   */
  public static Redactor create(Set<String> extraKeys, List<Pattern> extraPatterns) {
    return new Redactor(true, extraKeys, extraPatterns);
  }

  /** Whether this redactor masks anything at all. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Whether the value of a field with this name must be masked whole.
   *
   * @param key field name
   */
  public boolean isSensitiveKey(String key) {
    return enabled && keys.isSensitive(key);
  }

  /**
   * Masks secret shapes in free text.
   *
   * @param text the text
   */
  public String redact(String text) {
    if (!enabled || text.length() < 6) {
      return text;
    }
    String result = text;
    for (Rule rule : rules) {
      result = rule.apply(result);
    }
    return result;
  }

  private static boolean hasSeparator(String text) {
    return text.indexOf(':') >= 0 || text.indexOf('=') >= 0;
  }

  private static boolean containsIgnoreCase(String text, String lowerCaseWord) {
    int last = text.length() - lowerCaseWord.length();
    char first = lowerCaseWord.charAt(0);
    for (int i = 0; i <= last; i++) {
      char c = text.charAt(i);
      if ((c == first || Character.toLowerCase(c) == first)
          && text.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A pattern and its replacement. The cheap {@code precheck} runs first: most strings contain none
   * of the characters a secret needs, and then no regular expression runs (or allocates).
   */
  private record Rule(Predicate<String> precheck, Pattern pattern, String replacement) {
    String apply(String text) {
      if (!precheck.test(text)) {
        return text;
      }
      Matcher matcher = pattern.matcher(text);
      return matcher.find() ? matcher.replaceAll(replacement) : text;
    }
  }
}
