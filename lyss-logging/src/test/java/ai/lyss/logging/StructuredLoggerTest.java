package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StructuredLoggerTest {

  private final LogCapture capture = LogCapture.sync();
  private final StructuredLogger log = capture.structured("facade");

  @AfterEach
  void tearDown() {
    capture.close();
  }

  @Test
  void nullArgumentsNeverThrowIntoTheCaller() {
    assertThatCode(
            () -> {
              log.info(null, null);
              log.warning("w", null);
              log.error(null, null, null);
              log.audit(null, null, null, null, null, null, null);
              log.security(null, null, null, null);
            })
        .doesNotThrowAnyException();
    assertThat(capture.lines()).hasSize(5);
  }

  @Test
  void disabledLevelsWriteNothing() {
    capture.logger("facade").setLevel(ch.qos.logback.classic.Level.WARN);
    log.debug("d", Fields.empty());
    log.info("i");
    log.warning("w");

    assertThat(capture.lines())
        .extracting(l -> l.get("message").stringValue())
        .containsExactly("w");
  }

  @Test
  void fieldsKeepInsertionOrder() {
    log.info("ordered", Fields.builder().put("z", 1).put("a", 2).put("m", 3).build().and("b", 4));

    assertThat(capture.single().propertyNames()).endsWith("z", "a", "m", "b");
  }

  @Test
  void fieldsToStringListsKeysButNeverValues() {
    assertThat(Fields.of("password", "hunter2", "user", "alice").toString())
        .isEqualTo("Fields[password, user]");
  }

  @Test
  void fieldKeysMustNotBeNull() {
    assertThatThrownBy(() -> Fields.of(null, 1)).hasMessage("key");
  }

  @Test
  void severityIsWrittenInLowerCase() {
    assertThat(Severity.HIGH.value()).isEqualTo("high");
    assertThat(Severity.CRITICAL).hasToString("critical");
  }
}
