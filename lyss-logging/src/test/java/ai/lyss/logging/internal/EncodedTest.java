package ai.lyss.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.json.JsonFactory;

/** Pre-encoded text writes exactly the bytes the generator writes for the plain string. */
class EncodedTest {

  private static final JsonFactory JSON = new JsonFactory();

  @ParameterizedTest
  @ValueSource(
      strings = {"chat-gateway", "1.4.2", "unknown-version", "Request started", "prod_eu:1", "a"})
  void preEncodedPlainTextWritesTheSameBytesAsTheString(String text) {
    Object encoded = Encoded.of(text);

    assertThat(encoded).isInstanceOf(SerializableString.class);
    assertThat(json((g, v) -> g.writeString((SerializableString) encoded)))
        .isEqualTo(json((g, v) -> g.writeString(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"say \"hi\"", "back\\slash", "tab\there", "résumé", "</script>", "a/b"})
  void textAGeneratorMightEscapeStaysAString(String text) {
    assertThat(Encoded.of(text)).isSameAs(text);
  }

  @Test
  void requestLineMessagesAndNamesAreTheirOwnText() {
    assertThat(Encoded.MESSAGE.getValue()).isEqualTo("message");
    assertThat(Encoded.CONTEXT)
        .extracting(SerializableString::getValue)
        .containsExactly("request_id", "tenant_id", "trace_id", "span_id");
    assertThat(Encoded.level("WARNING").getValue()).isEqualTo("WARNING");
  }

  private static String json(BiConsumer<JsonGenerator, Object> write) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeName("v");
      write.accept(g, null);
      g.writeEndObject();
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
