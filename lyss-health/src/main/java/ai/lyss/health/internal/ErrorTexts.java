package ai.lyss.health.internal;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns exception messages into short error texts that never carry credentials or connection
 * strings.
 */
public final class ErrorTexts {

  /** Replacement for anything masked. */
  public static final String MASK = "***";

  /** Literal secrets shorter than this are not masked by value (they would mangle the text). */
  static final int MIN_LITERAL_SECRET = 4;

  private static final Pattern JDBC_URL = Pattern.compile("(?i)jdbc:[^\\s\"'<>]+");
  private static final Pattern URL_USERINFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/@\"'<>]*@");
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key|auth|requirepass)"
              + "(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&)]+)");
  private static final Pattern AUTH_SCHEME =
      Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{4,}");

  private ErrorTexts() {}

  /**
   * Cleans a free text: masks credentials, removes control characters, caps the length.
   *
   * @param text the text
   * @param maxLength the cap
   */
  public static String clean(String text, int maxLength) {
    return clean(text, maxLength, List.of());
  }

  /**
   * Cleans a free text and also masks the given literal secrets (passwords, the connection URL).
   *
   * @param text the text
   * @param maxLength the cap
   * @param secrets literal values to mask wherever they appear
   */
  public static String clean(String text, int maxLength, Collection<String> secrets) {
    String s = text;
    for (String secret : secrets) {
      if (secret.length() >= MIN_LITERAL_SECRET) {
        s = s.replace(secret, MASK);
      }
    }
    s = JDBC_URL.matcher(s).replaceAll("jdbc:" + MASK);
    s = URL_USERINFO.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + MASK + "@");
    s =
        KEY_VALUE
            .matcher(s)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2)) + MASK);
    s = AUTH_SCHEME.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + " " + MASK);
    StringBuilder out = new StringBuilder(Math.min(s.length(), maxLength + 1));
    boolean space = false;
    for (int i = 0; i < s.length() && out.length() <= maxLength; i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    if (out.length() > maxLength) {
      out.setLength(Math.max(0, maxLength - 3));
      out.append("...");
    }
    return out.toString();
  }

  /**
   * A short description of a failure: the exception's simple class name and its cleaned message,
   * for example {@code ConnectException: Connection refused}.
   *
   * @param failure the failure
   * @param maxLength the cap
   * @param secrets literal values to mask
   */
  public static String describe(Throwable failure, int maxLength, Collection<String> secrets) {
    String type = failure.getClass().getSimpleName();
    if (type.isEmpty()) {
      type = failure.getClass().getName();
    }
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = failure.getCause();
      message = cause == null ? null : cause.getMessage();
    }
    String text = message == null || message.isBlank() ? type : type + ": " + message;
    return clean(text, maxLength, secrets);
  }
}
