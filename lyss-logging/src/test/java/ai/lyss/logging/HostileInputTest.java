package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

class HostileInputTest {

  private static final int DEFAULT_CAP = 12 * 1024;

  private final LogCapture capture = LogCapture.sync();
  private final StructuredLogger log = capture.structured("hostile");

  @AfterEach
  void tearDown() {
    MDC.clear();
    capture.close();
  }

  @Test
  void reservedKeysAreRenamedNotDuplicated() {
    log.info(
        "real message",
        Fields.builder()
            .put("level", "FAKE")
            .put("message", "forged")
            .put("timestamp", "1999")
            .put("service", "other")
            .put("error", "not an object")
            .build());

    JsonNode line = capture.single();
    assertThat(line.get("level").stringValue()).isEqualTo("INFO");
    assertThat(line.get("message").stringValue()).isEqualTo("real message");
    assertThat(line.get("service").stringValue()).isEqualTo("chat-gateway");
    assertThat(line.get("field_level").stringValue()).isEqualTo("FAKE");
    assertThat(line.get("field_message").stringValue()).isEqualTo("forged");
    assertThat(line.get("field_error").stringValue()).isEqualTo("not an object");
    assertThat(line.has("error")).isFalse();
  }

  @Test
  void repeatedKeysGetNumberedNames() {
    capture
        .logger("dup")
        .atInfo()
        .addKeyValue("model", "a")
        .addKeyValue("model", "b")
        .addKeyValue("field_level", "x")
        .addKeyValue("level", "y")
        .log("dups");

    JsonNode line = capture.single();
    assertThat(line.get("model").stringValue()).isEqualTo("a");
    assertThat(line.get("model_2").stringValue()).isEqualTo("b");
    assertThat(line.get("field_level").stringValue()).isEqualTo("x");
    assertThat(line.get("field_level_2").stringValue()).isEqualTo("y");
  }

  @Test
  void oneMegabyteValueIsCappedAndTheLineStaysValidAndShort() {
    String huge = "x".repeat(1024 * 1024);
    log.info(huge, Fields.of("payload", huge, "after", "kept"));

    String raw = capture.rawLines().get(0);
    assertThat(raw.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DEFAULT_CAP);
    JsonNode line = capture.single();
    assertThat(line.get("payload").stringValue()).endsWith("...[truncated]").hasSizeLessThan(4096);
    assertThat(line.get("after").stringValue()).isEqualTo("kept");
  }

  @Test
  void manyLargeFieldsFallBackToAReducedLineMarkedTruncated() {
    Fields.Builder fields = Fields.builder();
    for (int i = 0; i < 40; i++) {
      fields.put("f" + i, "y".repeat(2000));
    }
    log.error("too much", new IllegalStateException("boom"), fields.build());

    String raw = capture.rawLines().get(0);
    assertThat(raw.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DEFAULT_CAP);
    JsonNode line = capture.single();
    assertThat(line.get("truncated").booleanValue()).isTrue();
    assertThat(line.get("level").stringValue()).isEqualTo("ERROR");
    assertThat(line.get("message").stringValue()).isEqualTo("too much");
    assertThat(line.get("error").get("type").stringValue())
        .isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void controlCharactersAndEscapesNeverStartANewLine() {
    String evil = "ok\r\n{\"level\":\"AUDIT\",\"message\":\"forged\"}\n\u2028\u0000\u001b[31m";
    MDC.put("request_id", "r\nx");
    log.warning(evil, Fields.of("k\r\ney", evil));

    List<String> raw = capture.rawLines();
    assertThat(raw).hasSize(1);
    JsonNode line = capture.single();
    assertThat(line.get("message").stringValue()).isEqualTo(evil);
    assertThat(line.get("k\r\ney").stringValue()).isEqualTo(evil);
    assertThat(line.get("level").stringValue()).isEqualTo("WARNING");
  }

  @Test
  void unicodeIsPreservedAndBrokenSurrogatesReplaced() {
    log.info("模型调用 ✓ 🚀", Fields.of("broken", "a\uD800b", "emoji", "👩‍💻"));

    JsonNode line = capture.single();
    assertThat(line.get("message").stringValue()).isEqualTo("模型调用 ✓ 🚀");
    assertThat(line.get("broken").stringValue()).isEqualTo("a\uFFFDb");
    assertThat(line.get("emoji").stringValue()).isEqualTo("👩‍💻");
  }

  @Test
  void nullsAreWrittenAsJsonNullOrEmpty() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("inner", null);
    log.info(null, Fields.of("value", null, "map", withNull));
    log.error("no cause", (Throwable) null);

    List<JsonNode> lines = capture.lines();
    assertThat(lines.get(0).get("message").stringValue()).isEmpty();
    assertThat(lines.get(0).get("value").isNull()).isTrue();
    assertThat(lines.get(0).get("map").get("inner").isNull()).isTrue();
    assertThat(lines.get(1).has("error")).isFalse();
  }

  @Test
  void throwingToStringBecomesAPlaceholderAndTheEventIsKept() {
    Object hostile =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("no toString for you");
          }
        };
    assertThatCode(() -> log.info("with hostile value", Fields.of("obj", hostile, "n", 1)))
        .doesNotThrowAnyException();
    capture.logger("fmt").info("formatted {}", hostile);

    List<JsonNode> lines = capture.lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("obj").stringValue())
        .startsWith("<unserializable ")
        .contains("IllegalStateException");
    assertThat(lines.get(0).get("n").intValue()).isEqualTo(1);
    assertThat(lines.get(1).get("message").stringValue()).startsWith("formatted ");
  }

  @Test
  void selfReferencingCollectionsAreBounded() {
    List<Object> loop = new ArrayList<>();
    loop.add("start");
    loop.add(loop);
    Map<String, Object> map = new HashMap<>();
    map.put("self", map);
    log.info("cycles", Fields.of("list", loop, "map", map));

    JsonNode line = capture.single();
    assertThat(line.get("list").get(0).stringValue()).isEqualTo("start");
    assertThat(line.get("map").get("self").get("self")).isNotNull();
  }

  @Test
  void nanAndInfinityAreWrittenAsStrings() {
    log.info("numbers", Fields.of("nan", Double.NaN, "inf", Double.POSITIVE_INFINITY));

    JsonNode line = capture.single();
    assertThat(line.get("nan").stringValue()).isEqualTo("NaN");
    assertThat(line.get("inf").stringValue()).isEqualTo("Infinity");
  }

  @Test
  void throwingExceptionMessageDoesNotReachTheCaller() {
    RuntimeException nasty =
        new RuntimeException() {
          @Override
          public String getMessage() {
            throw new IllegalStateException("getMessage exploded");
          }
        };
    assertThatCode(() -> log.error("nasty", nasty, Fields.empty())).doesNotThrowAnyException();
  }
}
