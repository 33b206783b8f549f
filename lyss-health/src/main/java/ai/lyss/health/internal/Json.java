package ai.lyss.health.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Minimal JSON writing with the JDK: a correct string escaper and the report timestamp. */
public final class Json {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

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

  /**
   * An instant as {@code 2026-11-26T10:00:00.000Z}.
   *
   * @param instant the instant
   */
  public static String timestamp(Instant instant) {
    return timestamp(new StringBuilder(24), instant).toString();
  }

  /**
   * Appends an instant as {@code 2026-11-26T10:00:00.000Z} (no quotes).
   *
   * @param out where to append
   * @param instant the instant
   */
  // Hand-written instead of DateTimeFormatter: a probe renders several timestamps, and the
  // formatter allocated most of the report's garbage.
  public static StringBuilder timestamp(StringBuilder out, Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      return out.append(ISO_MILLIS.format(instant));
    }
    pad(out, year, 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append('T');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2).append('.');
    return pad(out, instant.getNano() / 1_000_000, 3).append('Z');
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    for (int limit = (int) Math.pow(10, width - 1); limit > 1 && value < limit; limit /= 10) {
      out.append('0');
    }
    return out.append(value);
  }

  private static void unicode(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
