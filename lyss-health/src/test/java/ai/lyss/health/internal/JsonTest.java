package ai.lyss.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Test
  void escapesQuoteBackslashAndNamedControls() {
    assertThat(Json.string("a\"b\\c\nd\re\tf\bg\fh"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\"");
  }

  @Test
  void escapesOtherControlCharactersAsUnicode() {
    assertThat(Json.string("\u0000\u001f\u007f")).isEqualTo("\"\\u0000\\u001f\\u007f\"");
  }

  @Test
  void escapesLineSeparatorsForJavaScript() {
    assertThat(Json.string("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
  }

  @Test
  void keepsPairedSurrogatesAndEscapesLoneOnes() {
    assertThat(Json.string("😀")).isEqualTo("\"😀\"");
    assertThat(Json.string("a\ud800b\udc00")).isEqualTo("\"a\\ud800b\\udc00\"");
  }

  @Test
  void everyCharacterRoundTripsThroughAJsonParser() throws Exception {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      if (!Character.isSurrogate(c)) {
        all.append(c);
      }
    }
    all.append("😀</script>");
    String parsed = MAPPER.readValue(Json.string(all.toString()), String.class);
    assertThat(parsed).isEqualTo(all.toString());
  }
}
