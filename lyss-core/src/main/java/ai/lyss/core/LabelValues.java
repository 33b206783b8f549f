package ai.lyss.core;

import org.jspecify.annotations.Nullable;

/**
 * Makes arbitrary caller-supplied text safe to use as a metric label or span attribute value: never
 * null or empty, no control characters, bounded length.
 */
public final class LabelValues {

  /** The value used when a label value is missing ({@code null} or blank). */
  public static final String UNKNOWN = "unknown";

  /** The default length cap, in characters. */
  public static final int DEFAULT_MAX_LENGTH = 128;

  private LabelValues() {}

  /**
   * Sanitises with the {@linkplain #DEFAULT_MAX_LENGTH default length cap}.
   *
   * @param value the raw value, may be {@code null}
   */
  public static String sanitize(@Nullable String value) {
    return sanitize(value, DEFAULT_MAX_LENGTH);
  }

  /**
   * Returns {@code value} without control characters (including CR, LF, TAB and the Unicode line
   * and paragraph separators), stripped of surrounding white space and cut to {@code maxLength}
   * characters without splitting a surrogate pair; {@value #UNKNOWN} when nothing is left. The
   * common case, a short clean value, returns the same instance without allocating.
   *
   * @param value the raw value, may be {@code null}
   * @param maxLength the cap, at least 1
   */
  public static String sanitize(@Nullable String value, int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
    }
    if (value == null) {
      return UNKNOWN;
    }
    if (value.length() <= maxLength && isClean(value)) {
      return value.isEmpty() ? UNKNOWN : value;
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength));
    for (int i = 0; i < value.length() && out.length() < maxLength; i++) {
      char c = value.charAt(i);
      if (isControl(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c)) {
        if (out.length() + 2 > maxLength || i + 1 >= value.length()) {
          break;
        }
        char low = value.charAt(i + 1);
        if (Character.isLowSurrogate(low)) {
          out.append(c).append(low);
          i++;
        }
        continue;
      }
      if (Character.isLowSurrogate(c)) {
        continue; // an unpaired low surrogate cannot be encoded
      }
      out.append(c);
    }
    String result = out.toString().strip();
    return result.isEmpty() ? UNKNOWN : result;
  }

  private static boolean isClean(String value) {
    if (!value.isEmpty()
        && (Character.isWhitespace(value.charAt(0))
            || Character.isWhitespace(value.charAt(value.length() - 1)))) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isControl(c) || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isControl(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }
}
