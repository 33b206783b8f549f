package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.SecretShapes;
import ai.lyss.core.SecretShapes.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

class RedactionTest {

  private static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwidGVuYW50IjoiYWNtZSJ9"
          + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

  private LogCapture capture;

  @AfterEach
  void tearDown() {
    MDC.clear();
    if (capture != null) {
      capture.close();
    }
  }

  /** The shared corpus (lyss-core's test jar) as fields or messages, plus log-only channels. */
  static Stream<Arguments> secrets() {
    Stream<Arguments> shared =
        SecretShapes.all().stream()
            .map(
                shape ->
                    shape.key() == null
                        ? message(shape.name(), shape.value(), shape.secret())
                        : field(shape.name(), shape.key(), shape.value(), shape.secret()));
    return Stream.concat(shared, logOnlyChannels());
  }

  static Stream<Arguments> logOnlyChannels() {
    return Stream.of(
        field(
            "nested map password",
            "db",
            Map.of("host", "db.internal", "password", "nested-Pa55word"),
            "nested-Pa55word"),
        list("JWT inside a list", JWT),
        Arguments.of(
            "password in exception message",
            (Consumer<StructuredLogger>)
                log ->
                    log.error(
                        "login failed",
                        new IllegalArgumentException("bad credentials password=Exc3ptPw!"),
                        Fields.empty()),
            "Exc3ptPw!"),
        Arguments.of(
            "sk- key in exception cause",
            (Consumer<StructuredLogger>)
                log ->
                    log.error(
                        "provider error",
                        new RuntimeException(
                            "wrapped",
                            new IllegalStateException("invalid key sk-AbCdEf0123456789GhIjKl")),
                        Fields.empty()),
            "sk-AbCdEf0123456789GhIjKl"),
        Arguments.of(
            "authorization in MDC",
            (Consumer<StructuredLogger>)
                log -> {
                  MDC.put("authorization", "Bearer mdc-token-0099887766");
                  log.info("with mdc");
                },
            "mdc-token-0099887766"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void secretNeverReachesTheOutput(String shape, Consumer<StructuredLogger> action, String secret) {
    capture = LogCapture.sync();
    action.accept(capture.structured("redaction"));

    String output = String.join("\n", capture.rawLines());
    assertThat(capture.lines()).hasSize(1);
    assertThat(output).doesNotContain(secret).contains("[REDACTED]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void secretInAnExceptionMessageNeverReachesTheOutput(Shape shape) {
    capture = LogCapture.sync();
    capture
        .structured("redaction")
        .error(
            "lookup failed",
            new IllegalStateException("No conversation '" + shape.text() + "'"),
            Fields.empty());

    String output = String.join("\n", capture.rawLines());
    assertThat(output).doesNotContain(shape.secret()).contains("[REDACTED]");
  }

  static List<Shape> shapes() {
    return SecretShapes.all();
  }

  @Test
  void corpusCoversAtLeastThirtyShapes() {
    assertThat(secrets().count()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void loggedObjectsAreNotModified() {
    capture = LogCapture.sync();
    Map<String, Object> credentials = new HashMap<>();
    credentials.put("user", "alice");
    credentials.put("password", "alice-Pw-1");
    capture.structured("r").info("login", Fields.of("credentials", credentials));

    assertThat(credentials).containsEntry("password", "alice-Pw-1").hasSize(2);
    assertThat(capture.single().get("credentials").stringValue()).isEqualTo("[REDACTED]");
  }

  @Test
  void tokenCountsAndTypesAreNotMistakenForSecrets() {
    capture = LogCapture.sync();
    capture
        .structured("r")
        .info(
            "usage",
            Fields.of(
                "input_tokens",
                120,
                "output_tokens",
                80,
                "token_type",
                "input",
                "max_tokens",
                512,
                "cache_key",
                "conv-1"));

    JsonNode line = capture.single();
    assertThat(line.get("input_tokens").intValue()).isEqualTo(120);
    assertThat(line.get("output_tokens").intValue()).isEqualTo(80);
    assertThat(line.get("token_type").stringValue()).isEqualTo("input");
    assertThat(line.get("max_tokens").intValue()).isEqualTo(512);
    assertThat(line.get("cache_key").stringValue()).isEqualTo("conv-1");
  }

  @Test
  void extraPatternsAndKeysAreMasked() {
    capture =
        LogCapture.sync(
            encoder -> {
              encoder.addRedactPattern("LYSS-INT-[0-9]{6}");
              encoder.addRedactKey("ssn");
            });
    capture.structured("r").info("ticket LYSS-INT-123456 opened", Fields.of("ssn", "078-05-1120"));

    String output = capture.rawLines().get(0);
    assertThat(output).doesNotContain("LYSS-INT-123456").doesNotContain("078-05-1120");
  }

  @Test
  void redactionCanBeTurnedOff() {
    capture = LogCapture.sync(encoder -> encoder.setRedaction(false));
    capture.structured("r").info("debugging", Fields.of("password", "visible-on-purpose"));

    assertThat(capture.single().get("password").stringValue()).isEqualTo("visible-on-purpose");
  }

  private static Arguments field(String shape, String key, Object value, String secret) {
    return Arguments.of(
        shape,
        (Consumer<StructuredLogger>) log -> log.info("event", Fields.of(key, value)),
        secret);
  }

  private static Arguments message(String shape, String text, String secret) {
    return Arguments.of(shape, (Consumer<StructuredLogger>) log -> log.info(text), secret);
  }

  private static Arguments list(String shape, String secret) {
    return Arguments.of(
        shape,
        (Consumer<StructuredLogger>)
            log -> log.info("event", Fields.of("values", List.of("ok", secret))),
        secret);
  }
}
