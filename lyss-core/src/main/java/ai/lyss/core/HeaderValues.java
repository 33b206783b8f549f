package ai.lyss.core;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Header values as the client wrote them. HTTP/1.1 servers (Jetty, the JDK's HttpServer) turn each
 * header byte into one ISO-8859-1 character, so a UTF-8 {@code X-Tenant-ID: ténant} arrives as
 * {@code tÃ©nant}. {@link #decodeUtf8} undoes that: a value of such characters that is valid UTF-8
 * as bytes is re-decoded as UTF-8; anything else (ASCII, a real ISO-8859-1 value, a value the
 * server already decoded) is returned unchanged. Both request views of this module apply it, so
 * tenant ids, request ids and every other header a Lyss module reads are decoded the same way.
 */
public final class HeaderValues {

  private HeaderValues() {}

  /**
   * The value re-decoded as UTF-8 where the server decoded its bytes as ISO-8859-1.
   *
   * <p>An ASCII value (the common case) is returned as is after one scan, without allocating.
   * Otherwise the value is re-decoded only when every character is at most {@code 0xFF} (one byte
   * each) and those bytes form valid UTF-8; malformed UTF-8 keeps the ISO-8859-1 reading.
   *
   * @param value a header value as the server gave it
   * @return the value as the client meant it
   */
  public static String decodeUtf8(String value) {
    requireNonNull(value, "value");
    int length = value.length();
    int firstNonAscii = 0;
    while (firstNonAscii < length && value.charAt(firstNonAscii) < 0x80) {
      firstNonAscii++;
    }
    if (firstNonAscii == length) {
      return value;
    }
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c > 0xFF) {
        return value; // not one byte per character: the server decoded it already
      }
      bytes[i] = (byte) c;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return value; // a genuine ISO-8859-1 value, e.g. a single 0xE9 byte for 'é'
    }
  }

  /**
   * {@link #decodeUtf8} of a value that may be absent.
   *
   * @param value a header value as the server gave it, or {@code null}
   * @return the value as the client meant it, or {@code null}
   */
  public static @Nullable String decodeUtf8OrNull(@Nullable String value) {
    return value == null ? null : decodeUtf8(value);
  }
}
