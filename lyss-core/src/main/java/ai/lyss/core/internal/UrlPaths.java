package ai.lyss.core.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Percent-decoding of the encoded parts of a text (URL path segments, query values), for redaction
 * only (lenient, never throws).
 */
public final class UrlPaths {

  private UrlPaths() {}

  /**
   * The text with each percent-encoded part (between path, query or word separators) whose decoded
   * form {@code redact} changes replaced by {@link SecretRules#MASK}; the same instance when no
   * part changes.
   *
   * @param text a text, for example a raw URL
   * @param redact the redaction to try on each decoded part
   */
  public static String maskEncodedSegments(String text, UnaryOperator<String> redact) {
    StringBuilder out = null;
    int start = 0;
    while (start <= text.length()) {
      int end = start;
      while (end < text.length() && !isDelimiter(text.charAt(end))) {
        end++;
      }
      String segment = text.substring(start, end);
      boolean secret = false;
      if (segment.indexOf('%') >= 0) {
        String decoded = decode(segment);
        secret = !redact.apply(decoded).equals(decoded);
      }
      if (secret && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, start);
      }
      if (out != null) {
        out.append(secret ? SecretRules.MASK : segment);
        if (end < text.length()) {
          out.append(text.charAt(end));
        }
      }
      start = end + 1;
    }
    return out == null ? text : out.toString();
  }

  /** Where a URL's (or a text's) percent-encoded parts end: path, query and word separators. */
  private static boolean isDelimiter(char c) {
    return switch (c) {
      case '/', '?', '&', '=', ';', '#', ',', ' ', '"', '\'', '\t', '\r', '\n' -> true;
      default -> false;
    };
  }

  /** UTF-8 percent-decoding; a malformed escape stays as it is. {@code +} is not a space here. */
  static String decode(String segment) {
    StringBuilder out = new StringBuilder(segment.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      int hi =
          c == '%' && i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
      int lo = hi >= 0 ? Character.digit(segment.charAt(i + 2), 16) : -1;
      if (lo >= 0) {
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        flush(bytes, out);
        out.append(c);
      }
    }
    flush(bytes, out);
    return out.toString();
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(bytes.toString(StandardCharsets.UTF_8));
      bytes.reset();
    }
  }
}
