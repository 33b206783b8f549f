package ai.lyss.core.internal;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in secret shapes and the one-pass scan that decides which of them can match. Used by
 * {@link ai.lyss.core.Redactor}; a replacement only removes characters or inserts {@link #MASK}, so
 * the triggers of a text hold for every later version of it.
 */
public final class SecretRules {

  /** What a secret is replaced by. */
  public static final String MASK = "[REDACTED]";

  // What a secret needs somewhere in the text; one pass finds them all. A replacement only removes
  // characters or inserts MASK (which holds none of them), so what the original lacks, every
  // later version of it lacks too.
  /**
   * Where a URL's scheme may start: a word boundary, or right after a percent-escape ({@code
   * ?q=connect%20postgres://user:pw@db}), whose last hex digit is a word character.
   */
  private static final String START = "(?:\\b|(?<=%[0-9A-Fa-f]{2}))";

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
  static final List<String> SENSITIVE_WORDS =
      List.of("pass", "pwd", "secret", "key", "token", "session", "credential", "jwt");

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
              Pattern.compile("(" + START + "[A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@]*:)[^\\s/@]+@"),
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
              SecretRules::mayHoldGitHubToken,
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
                      + "token|session[_-]?id|credentials?|jwt)\"?\\s*[:=]\\s*\"?)([^\\s\"&,;}]+)"),
              "$1" + MASK));

  private SecretRules() {}

  /** The built-in rules, in the order they run. */
  public static List<Rule> builtIn() {
    return BUILT_IN;
  }

  /**
   * A rule for a caller's pattern: runs on every text, each match is masked whole.
   *
   * @param pattern the secret shape
   */
  public static Rule custom(Pattern pattern) {
    return new Rule(0, ANY, pattern, MASK);
  }

  private static final byte K_DASH = 1;
  private static final byte K_AT = 2;
  private static final byte K_UNDERSCORE = 3;
  private static final byte K_SEPARATOR = 4;
  private static final byte K_B = 5;
  private static final byte K_E = 6;
  private static final byte K_A = 7;
  private static final byte K_X = 8;

  /** What each ASCII character may start or mark; 0 for most. */
  private static final byte[] KINDS = new byte[128];

  static {
    KINDS['-'] = K_DASH;
    KINDS['@'] = K_AT;
    KINDS['_'] = K_UNDERSCORE;
    KINDS[':'] = K_SEPARATOR;
    KINDS['='] = K_SEPARATOR;
    KINDS['b'] = K_B;
    KINDS['B'] = K_B;
    KINDS['e'] = K_E;
    KINDS['A'] = K_A;
    KINDS['x'] = K_X;
  }

  /**
   * The triggers present in a text, found in one pass; {@code 0} means no built-in rule can match.
   *
   * @param text the text
   */
  public static int triggers(String text) {
    int flags = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      // One table load per character: most characters trigger nothing, and a switch over ten
      // sparse cases compiles to a chain of compares (this scan was the log writer's top frame).
      int kind = c < KINDS.length ? KINDS[c] : 0;
      if (kind == 0) {
        continue;
      }
      switch (kind) {
        case K_DASH -> flags |= DASH;
        case K_AT -> flags |= AT;
        case K_UNDERSCORE -> flags |= UNDERSCORE;
        case K_SEPARATOR -> flags |= SEPARATOR;
        case K_B -> {
          // The next character first: most b's start neither word.
          char next = i + 1 < n ? (char) (text.charAt(i + 1) | 0x20) : ' ';
          if ((next == 'e' && text.regionMatches(true, i, "bearer", 0, 6))
              || (next == 'a' && text.regionMatches(true, i, "basic", 0, 5))) {
            flags |= BEARER;
          }
        }
        case K_E -> {
          if (text.startsWith("eyJ", i)) {
            flags |= JWT;
          }
        }
        case K_A -> {
          if (text.startsWith("AKIA", i)
              || text.startsWith("ASIA", i)
              || text.startsWith("AIza", i)) {
            flags |= CLOUD_KEY;
          }
        }
        case K_X -> {
          if (text.startsWith("xox", i)) {
            flags |= SLACK;
          }
        }
        default -> {
          // not a trigger
        }
      }
    }
    if ((flags & SEPARATOR) != 0 && containsSensitiveWord(text)) {
      flags |= SENSITIVE_WORD;
    }
    return flags;
  }

  /**
   * Whether any of {@link #SENSITIVE_WORDS} occurs in {@code text}, ignoring case: one pass that
   * looks at a word only where its first letter is (a URL has {@code :} and used to be scanned once
   * per word, the request log writer's top redaction frame).
   */
  static boolean containsSensitiveWord(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      // ASCII letters fold with | 0x20; anything else as regionMatches(true, ...) folds it.
      char lower = c < 128 ? (char) (c | 0x20) : Character.toLowerCase(c);
      switch (lower) {
        case 'p':
          if (startsWithWord(text, i, "pass") || startsWithWord(text, i, "pwd")) {
            return true;
          }
          break;
        case 's':
          if (startsWithWord(text, i, "secret") || startsWithWord(text, i, "session")) {
            return true;
          }
          break;
        case 'k':
          if (startsWithWord(text, i, "key")) {
            return true;
          }
          break;
        case 't':
          if (startsWithWord(text, i, "token")) {
            return true;
          }
          break;
        case 'c':
          if (startsWithWord(text, i, "credential")) {
            return true;
          }
          break;
        case 'j':
          if (startsWithWord(text, i, "jwt")) {
            return true;
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  private static boolean startsWithWord(String text, int at, String lowerCaseWord) {
    return text.regionMatches(true, at, lowerCaseWord, 0, lowerCaseWord.length());
  }

  /**
   * A {@code gh?_} prefix or {@code github_pat_}: ids such as {@code conv_01HX...} do not run it.
   */
  private static boolean mayHoldGitHubToken(String text) {
    for (int i = text.indexOf('_', 3); i >= 0; i = text.indexOf('_', i + 1)) {
      if (text.charAt(i - 3) == 'g'
          && text.charAt(i - 2) == 'h'
          && "pousr".indexOf(text.charAt(i - 1)) >= 0) {
        return true;
      }
    }
    return text.contains("github_pat_");
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
   *
   * @param requires the trigger bits the text must have
   * @param precheck a cheap test before the pattern
   * @param pattern the secret shape
   * @param replacement what a match becomes (may refer to groups)
   */
  public record Rule(
      int requires, Predicate<String> precheck, Pattern pattern, String replacement) {

    /**
     * Whether the rule can match a text with these triggers.
     *
     * @param triggers from {@link SecretRules#triggers}
     */
    public boolean runsOn(int triggers) {
      return (requires & triggers) == requires;
    }

    /**
     * The text with every match replaced, or the same instance when nothing matched.
     *
     * @param text the text
     */
    public String apply(String text) {
      if (!precheck.test(text)) {
        return text;
      }
      Matcher matcher = pattern.matcher(text);
      return matcher.find() ? matcher.replaceAll(replacement) : text;
    }
  }
}
