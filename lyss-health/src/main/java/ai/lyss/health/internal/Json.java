package ai.lyss.health.internal;

/** Minimal JSON writing with the JDK: a correct string escaper. */
public final class Json {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /**
   * Appends {@code value} as a JSON string literal, quotes included.
   *
   * <p>Escapes quote, backslash and every control character; also U+2028/U+2029 (so the output is
   * safe inside JavaScript) and unpaired surrogates (so the output always encodes as UTF-8).
   *
   * @param out where to append
   * @param value the string
   */
  public static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            unicode(out, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicode(out, c);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /**
   * Returns {@code value} as a JSON string literal.
   *
   * @param value the string
   */
  public static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2);
    string(out, value);
    return out.toString();
  }

  private static void unicode(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
