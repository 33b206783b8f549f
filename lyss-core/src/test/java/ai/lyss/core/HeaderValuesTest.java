package ai.lyss.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Re-decoding header values that a server read as ISO-8859-1. */
class HeaderValuesTest {

  /** The string a server makes of UTF-8 bytes when it reads them as ISO-8859-1. */
  private static String asLatin1(String utf8) {
    return new String(utf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void anAsciiValueIsReturnedAsTheSameInstance() {
    String ascii = "tenant-42";

    assertThat(HeaderValues.decodeUtf8(ascii)).isSameAs(ascii);
  }

  @Test
  void utf8BytesReadAsIso88591AreDecodedAsUtf8() {
    assertThat(HeaderValues.decodeUtf8(asLatin1("ténant"))).isEqualTo("ténant");
    assertThat(HeaderValues.decodeUtf8(asLatin1("租户-東京-🙂"))).isEqualTo("租户-東京-🙂");
  }

  @Test
  void aGenuineIso88591ValueThatIsNotValidUtf8IsKept() {
    String latin1 = "t\u00e9nant"; // one 0xE9 byte on the wire: malformed as UTF-8

    assertThat(HeaderValues.decodeUtf8(latin1)).isEqualTo(latin1);
  }

  @Test
  void aValueTheServerAlreadyDecodedIsKept() {
    String decoded = "租户"; // characters above 0xFF cannot be single bytes

    assertThat(HeaderValues.decodeUtf8(decoded)).isSameAs(decoded);
  }

  @Test
  void anAbsentValueStaysAbsent() {
    assertThat(HeaderValues.decodeUtf8OrNull(null)).isNull();
  }
}
