package ai.lyss.logging.internal;

/** String clean-up for the JSON writer: length caps and broken surrogate pairs. */
final class Texts {

  /** Appended to a string that was cut to fit its cap. */
  static final String TRUNCATED_MARKER = "...[truncated]";

  private Texts() {}

  /**
   * Cuts {@code text} to at most {@code max} characters plus the marker, never splitting a
   * surrogate pair, and replaces unpaired surrogates (which are not valid in UTF-8) by U+FFFD.
   * Returns the same instance when nothing changes.
   */
  static String cap(String text, int max) {
    int length = text.length();
    boolean cut = length > max;
    int end = cut ? max : length;
    if (cut && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    int bad = firstUnpairedSurrogate(text, end);
    if (!cut && bad < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(end + TRUNCATED_MARKER.length());
    if (bad < 0) {
      out.append(text, 0, end);
    } else {
      out.append(text, 0, bad);
      for (int i = bad; i < end; i++) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)
            && i + 1 < end
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          out.append(c).append(text.charAt(++i));
        } else {
          out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
        }
      }
    }
    if (cut) {
      out.append(TRUNCATED_MARKER);
    }
    return out.toString();
  }

  private static int firstUnpairedSurrogate(String text, int end) {
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < end
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }
}
