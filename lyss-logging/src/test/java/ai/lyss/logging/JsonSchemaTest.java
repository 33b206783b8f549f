package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

class JsonSchemaTest {

  private final LogCapture capture = LogCapture.sync(encoder -> encoder.setEnvironment("staging"));

  @AfterEach
  void tearDown() {
    MDC.clear();
    capture.close();
  }

  @Test
  void infoLineHasCoreFieldsInSchemaOrder() {
    capture.structured("ai.lyss.chat.Router").info("routed", Fields.of("model", "gpt-4o"));

    JsonNode line = capture.single();
    assertThat(line.propertyNames())
        .containsExactly(
            "timestamp",
            "level",
            "service",
            "version",
            "environment",
            "message",
            "logger",
            "thread",
            "model");
    assertThat(line.get("level").stringValue()).isEqualTo("INFO");
    assertThat(line.get("service").stringValue()).isEqualTo("chat-gateway");
    assertThat(line.get("version").stringValue()).isEqualTo("1.4.2");
    assertThat(line.get("environment").stringValue()).isEqualTo("staging");
    assertThat(line.get("message").stringValue()).isEqualTo("routed");
    assertThat(line.get("logger").stringValue()).isEqualTo("ai.lyss.chat.Router");
    assertThat(line.get("thread").stringValue()).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void timestampIsUtcIsoWithMillisecondsAndZ() {
    capture.logger("t").info("now");

    String timestamp = capture.single().get("timestamp").stringValue();
    assertThat(timestamp).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    assertThat(java.time.Instant.parse(timestamp))
        .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
  }

  @Test
  void logbackLevelsMapToPlatformLevels() {
    Logger logger = capture.logger("levels");
    logger.setLevel(ch.qos.logback.classic.Level.TRACE);
    logger.trace("t");
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");

    assertThat(capture.lines())
        .extracting(line -> line.get("level").stringValue())
        .containsExactly("DEBUG", "DEBUG", "INFO", "WARNING", "ERROR");
  }

  @Test
  void facadeLevelsAreWrittenWithTheirNames() {
    StructuredLogger log = capture.structured("facade");
    log.debug("d", Fields.empty());
    log.info("i");
    log.warning("w");
    log.error("e");

    assertThat(capture.lines())
        .extracting(line -> line.get("level").stringValue())
        .containsExactly("DEBUG", "INFO", "WARNING", "ERROR");
  }

  @Test
  void auditEventHasLevelMessageAndFields() {
    capture
        .structured("audit")
        .audit(
            "conversation.delete",
            "tenant-7",
            "user-42",
            "delete",
            "conversation/9",
            "success",
            Fields.of("ip", "10.1.2.3"));

    JsonNode line = capture.single();
    assertThat(line.get("level").stringValue()).isEqualTo("AUDIT");
    assertThat(line.get("message").stringValue()).isEqualTo("Audit event: conversation.delete");
    assertThat(line.get("tenant_id").stringValue()).isEqualTo("tenant-7");
    assertThat(line.get("event_type").stringValue()).isEqualTo("conversation.delete");
    assertThat(line.get("user_id").stringValue()).isEqualTo("user-42");
    assertThat(line.get("action").stringValue()).isEqualTo("delete");
    assertThat(line.get("resource").stringValue()).isEqualTo("conversation/9");
    assertThat(line.get("result").stringValue()).isEqualTo("success");
    assertThat(line.get("ip").stringValue()).isEqualTo("10.1.2.3");
    assertThat(List.copyOf(line.propertyNames()).subList(8, 15))
        .containsExactly(
            "tenant_id", "event_type", "user_id", "action", "resource", "result", "ip");
  }

  @Test
  void securityEventHasLowerCaseSeverity() {
    capture
        .structured("security")
        .security("auth.brute_force", Severity.CRITICAL, "50 failed logins", Fields.empty());

    JsonNode line = capture.single();
    assertThat(line.get("level").stringValue()).isEqualTo("SECURITY");
    assertThat(line.get("message").stringValue()).isEqualTo("Security event: auth.brute_force");
    assertThat(line.get("event_type").stringValue()).isEqualTo("auth.brute_force");
    assertThat(line.get("severity").stringValue()).isEqualTo("critical");
    assertThat(line.get("description").stringValue()).isEqualTo("50 failed logins");
  }

  @Test
  void exceptionBecomesTheLastFieldErrorObject() {
    IllegalStateException failure =
        new IllegalStateException("provider timed out", new java.io.IOException("socket closed"));
    capture.structured("errors").error("call failed", failure, Fields.of("provider", "openai"));

    JsonNode line = capture.single();
    List<String> names = List.copyOf(line.propertyNames());
    assertThat(names.get(names.size() - 1)).isEqualTo("error");
    JsonNode error = line.get("error");
    assertThat(error.propertyNames()).containsExactly("type", "message", "stack_trace");
    assertThat(error.get("type").stringValue()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.get("message").stringValue()).isEqualTo("provider timed out");
    assertThat(error.get("stack_trace").stringValue())
        .contains("JsonSchemaTest.exceptionBecomesTheLastFieldErrorObject")
        .contains("Caused by: java.io.IOException: socket closed");
  }

  @Test
  void plainSlf4jExceptionUsesTheSameErrorObject() {
    capture.logger("plain").error("boom", new ArithmeticException("/ by zero"));

    assertThat(capture.single().get("error").get("type").stringValue())
        .isEqualTo("java.lang.ArithmeticException");
  }

  @Test
  void mdcContextComesBeforeEventFieldsInSchemaOrder() {
    MDC.put("span_id", "00f067aa0ba902b7");
    MDC.put("custom", "x");
    MDC.put("tenant_id", "tenant-1");
    MDC.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
    MDC.put("request_id", "req-1");
    capture.logger("ctx").atInfo().addKeyValue("attempt", 2).log("retrying");

    JsonNode line = capture.single();
    assertThat(List.copyOf(line.propertyNames()).subList(8, 14))
        .containsExactly("request_id", "tenant_id", "trace_id", "span_id", "custom", "attempt");
    assertThat(line.get("attempt").isNumber()).isTrue();
  }

  @Test
  void slf4jKeyValuePairsKeepTheirJsonTypes() {
    capture
        .logger("kv")
        .atInfo()
        .addKeyValue("count", 3)
        .addKeyValue("ratio", 0.25)
        .addKeyValue("ok", true)
        .addKeyValue("tags", List.of("a", "b"))
        .addKeyValue("usage", Map.of("input_tokens", 12))
        .addKeyValue("nothing", (Object) null)
        .log("typed");

    JsonNode line = capture.single();
    assertThat(line.get("count").intValue()).isEqualTo(3);
    assertThat(line.get("ratio").doubleValue()).isEqualTo(0.25);
    assertThat(line.get("ok").booleanValue()).isTrue();
    assertThat(line.get("tags").get(1).stringValue()).isEqualTo("b");
    assertThat(line.get("usage").get("input_tokens").intValue()).isEqualTo(12);
    assertThat(line.get("nothing").isNull()).isTrue();
  }

  @Test
  void explicitContextKeyValueIsWrittenOnceInTheContextPosition() {
    MDC.put("tenant_id", "from-mdc");
    capture.logger("once").atInfo().addKeyValue("tenant_id", "explicit").log("x");

    JsonNode line = capture.single();
    assertThat(line.get("tenant_id").stringValue()).isEqualTo("explicit");
    assertThat(line.has("tenant_id_2")).isFalse();
    assertThat(List.copyOf(line.propertyNames()).indexOf("tenant_id")).isEqualTo(8);
  }

  @Test
  void parameterisedMessagesAreFormatted() {
    capture.logger("fmt").info("user {} logged in from {}", "u1", "web");

    assertThat(capture.single().get("message").stringValue())
        .isEqualTo("user u1 logged in from web");
  }

  @Test
  void everyLineIsOneJsonObject() {
    StructuredLogger log = capture.structured("many");
    for (int i = 0; i < 50; i++) {
      log.info("line\n" + i, Fields.of("i", i));
    }

    assertThat(capture.rawLines()).hasSize(50).allSatisfy(raw -> assertThat(raw).startsWith("{"));
    assertThat(capture.lines()).hasSize(50);
  }
}
