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

  // What a secret needs somewhere in the text; one pass finds them all. A replacement only removes
  // characters or inserts MASK (which holds none of them), so what the original lacks, every
  // later version of it lacks too.
  private static final int DASH = 1;
  private static final int AT = 1 << 1;
  private static final int UNDERSCORE = 1 << 2;
  private static final int SEPARATOR = 1 << 3;
  private static final int BEARER = 1 << 4;
  private static final int JWT = 1 << 5;
  private static final int CLOUD_KEY = 1 << 6;
  private static final int SLACK = 1 << 7;
  private static final int SENSITIVE_WORD = 1 << 8;

  /** For rules whose trigger says all there is to check before the pattern. */
  private static final Predicate<String> ANY = t -> true;

  /** Words one of which a sensitive key=value pair contains (lower case). */
  private static final List<String> SENSITIVE_WORDS =
      List.of("pass", "pwd", "secret", "key", "token", "session", "credential");

  private static final List<Rule> BUILT_IN =
      List.of(
          // PEM private keys, possibly cut short by a length cap.
          new Rule(
              DASH,
              t -> t.contains("-----BEGIN"),
              Pattern.compile(
                  "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE"
                      + " KEY-----|$)"),
              MASK),
          // user:password@ in URLs (database URLs, proxies, webhooks).
          new Rule(
              AT,
              t -> t.contains("://") && t.indexOf('@') >= 0,
              Pattern.compile("(\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@]*:)[^\\s/@]+@"),
              "$1" + MASK + "@"),
          // Bearer / Basic credentials in headers or text.
          new Rule(
              BEARER,
              ANY,
              Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"),
              "$1 " + MASK),
          // JSON Web Tokens.
          new Rule(
              JWT,
              ANY,
              Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"),
              MASK),
          // OpenAI / Anthropic style sk- keys (sk-..., sk-proj-..., sk-ant-...).
          new Rule(DASH, t -> t.contains("sk-"), Pattern.compile("\\bsk-[A-Za-z0-9_-]{16,}"), MASK),
          // Stripe-style live/test keys.
          new Rule(
              UNDERSCORE,
              t -> t.contains("_live_") || t.contains("_test_"),
              Pattern.compile("\\b[rsp]k_(?:live|test)_[A-Za-z0-9]{10,}"),
              MASK),
          // AWS access key ids.
          new Rule(
              CLOUD_KEY,
              t -> t.contains("AKIA") || t.contains("ASIA"),
              Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
              MASK),
          // GitHub tokens.
          new Rule(
              UNDERSCORE,
              t -> t.indexOf('_') >= 0,
              Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})"),
              MASK),
          // Slack tokens.
          new Rule(SLACK, ANY, Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"), MASK),
          // Google API keys.
          new Rule(
              CLOUD_KEY,
              t -> t.contains("AIza"),
              Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"),
              MASK),
          // Hugging Face tokens.
          new Rule(
              UNDERSCORE, t -> t.contains("hf_"), Pattern.compile("\\bhf_[A-Za-z0-9]{30,}"), MASK),
          // Header lines whose whole value is a credential.
          new Rule(
              SEPARATOR,
              t -> containsIgnoreCase(t, "authoriz") || containsIgnoreCase(t, "cookie"),
              Pattern.compile(
                  "(?i)\\b((?:proxy-)?authorization|set-cookie|cookie)(\"?\\s*[:=]\\s*)[^\\r\\n]+"),
              "$1$2" + MASK),
          // key=value and "key":"value" pairs with a sensitive key.
          new Rule(
              SEPARATOR | SENSITIVE_WORD,
              ANY,
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
  private final boolean hasExtraRules;

  private Redactor(boolean enabled, Set<String> extraKeys, List<Pattern> extraPatterns) {
    this.enabled = enabled;
    this.keys = new SensitiveKeys(extraKeys);
    List<Rule> all = new ArrayList<>(BUILT_IN);
    for (Pattern pattern : extraPatterns) {
      all.add(new Rule(0, ANY, pattern, MASK));
    }
    this.rules = List.copyOf(all);
    this.hasExtraRules = !extraPatterns.isEmpty();
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
    int triggers = triggers(text);
    if (triggers == 0 && !hasExtraRules) {
      return text;
    }
    String result = text;
    for (Rule rule : rules) {
      if ((rule.requires() & triggers) == rule.requires()) {
        result = rule.apply(result);
      }
    }
    return result;
  }

  static int triggers(String text) {
    int flags = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      switch (text.charAt(i)) {
        case '-' -> flags |= DASH;
        case '@' -> flags |= AT;
        case '_' -> flags |= UNDERSCORE;
        case ':', '=' -> flags |= SEPARATOR;
        case 'b', 'B' -> {
          if (text.regionMatches(true, i, "bearer", 0, 6)
              || text.regionMatches(true, i, "basic", 0, 5)) {
            flags |= BEARER;
          }
        }
        case 'e' -> {
          if (text.startsWith("eyJ", i)) {
            flags |= JWT;
          }
        }
        case 'A' -> {
          if (text.startsWith("AKIA", i)
              || text.startsWith("ASIA", i)
              || text.startsWith("AIza", i)) {
            flags |= CLOUD_KEY;
          }
        }
        case 'x' -> {
          if (text.startsWith("xox", i)) {
            flags |= SLACK;
          }
        }
        default -> {
          // not a trigger
        }
      }
    }
    if ((flags & SEPARATOR) != 0) {
      for (String word : SENSITIVE_WORDS) {
        if (containsIgnoreCase(text, word)) {
          flags |= SENSITIVE_WORD;
          break;
        }
      }
    }
    return flags;
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
   * A pattern and its replacement. A rule only runs when the text has every trigger it {@code
   * requires} (found in one pass for all rules), then the cheap {@code precheck}: most strings
   * contain none of the characters a secret needs, and then no regular expression runs (or
   * allocates).
   */
  private record Rule(
      int requires, Predicate<String> precheck, Pattern pattern, String replacement) {
    String apply(String text) {
      if (!precheck.test(text)) {
        return text;
      }
      Matcher matcher = pattern.matcher(text);
      return matcher.find() ? matcher.replaceAll(replacement) : text;
    }
  }
}
