package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;

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

  static Stream<Arguments> secrets() {
    return Stream.of(
        field("password field", "password", "hunter2-Secret!"),
        field("prefixed password field", "db_password", "pg-pass-9921"),
        field("client secret field", "client_secret", "cs_7f6e5d4c3b2a"),
        field("api_key field", "api_key", "key-live-5566778899"),
        field("camelCase apiKey field", "apiKey", "camelKey-123456"),
        field("X-Api-Key header field", "X-Api-Key", "hdrkey-abcdef-0001"),
        field("access_token field", "access_token", "at-00112233445566"),
        field("refresh_token field", "refreshToken", "rt-99887766554433"),
        field("Authorization header value", "Authorization", "Basic dXNlcjpwYXNzd29yZA=="),
        field("Cookie header value", "cookie", "session=abc123def456ghi"),
        field("Set-Cookie header value", "Set-Cookie", "sid=zz9988776655; HttpOnly"),
        field("private_key field", "private_key", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"),
        field("secret field", "secret", "s3cr3t-value-777"),
        field("jwt field", "jwt", "opaque-jwt-value-000"),
        field(
            "nested map password",
            "db",
            Map.of("host", "db.internal", "password", "nested-Pa55word"),
            "nested-Pa55word"),
        message(
            "sk- key in message",
            "calling provider with sk-proj-AbCdEf0123456789xyzABC",
            "sk-proj-AbCdEf0123456789xyzABC"),
        field("sk-ant key in plain field", "note", "sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm"),
        message("bearer JWT in message", "Authorization: Bearer " + JWT, JWT),
        message(
            "opaque bearer token in message",
            "sent Bearer 9f8e7d6c5b4a39281706abcdef",
            "9f8e7d6c5b4a39281706abcdef"),
        field("JWT in plain field", "claims", JWT),
        message(
            "postgres URL password",
            "connect postgres://lyss:S3cretPass@db:5432/lyss",
            "S3cretPass"),
        field("redis URL password", "cache_url", "redis://:r3disPassw0rd@cache:6379/0"),
        message(
            "https URL credentials", "GET https://admin:Adm1nPw@internal.example/api", "Adm1nPw"),
        field(
            "api_key in query string",
            "url",
            "http://gw/v1/chat?api_key=qwerty12345zz&x=1",
            "qwerty12345zz"),
        message("token=value in message", "refresh failed token=abcdef123456zz", "abcdef123456zz"),
        message(
            "JSON password in message", "body was {\"password\":\"p4ssw0rd!xy\"}", "p4ssw0rd!xy"),
        message(
            "AWS access key id", "using AKIAIOSFODNN7EXAMPLE for uploads", "AKIAIOSFODNN7EXAMPLE"),
        field("GitHub token", "note", "ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"),
        message(
            "Slack token",
            "posting with xoxb-123456789012-abcdefABCDEF",
            "xoxb-123456789012-abcdefABCDEF"),
        field("Google API key", "maps", "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"),
        field("Stripe live key", "billing", "sk_live_51HxYzAbCdEf0123456789"),
        message(
            "Hugging Face token",
            "model pull with hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345",
            "hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345"),
        field(
            "PEM private key",
            "pem",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretbody\n-----END RSA PRIVATE"
                + " KEY-----",
            "MIIEowIBAAKCAQEAsecretbody"),
        message("YAML-style passwd", "config passwd: yamlPw-42!", "yamlPw-42!"),
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

  private static Arguments field(String shape, String key, String secret) {
    return field(shape, key, secret, secret);
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
