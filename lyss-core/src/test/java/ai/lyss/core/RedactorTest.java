package ai.lyss.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.SecretShapes.Shape;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RedactorTest {

  private final Redactor redactor = Redactor.defaults();

  static List<Shape> shapes() {
    return SecretShapes.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void everyShapeIsMaskedInFreeText(Shape shape) {
    assertThat(redactor.redact(shape.text()))
        .doesNotContain(shape.secret())
        .contains(Redactor.MASK);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void everyShapeIsMaskedAsAPercentEncodedPathSegment(Shape shape) {
    String segment = URLEncoder.encode(shape.text(), StandardCharsets.UTF_8).replace("+", "%20");

    String path = redactor.redact("/v1/conversations/" + segment + "/messages");

    assertThat(path)
        .doesNotContain(shape.secret())
        .doesNotContain(URLEncoder.encode(shape.secret(), StandardCharsets.UTF_8))
        .startsWith("/v1/conversations/")
        .endsWith("/messages");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void everyShapeIsMaskedAsAPercentEncodedQueryValue(Shape shape) {
    String value = URLEncoder.encode(shape.text(), StandardCharsets.UTF_8).replace("+", "%20");

    String url = redactor.redact("https://api.example/v1/search?q=" + value + "&page=2");

    assertThat(url)
        .doesNotContain(shape.secret())
        .doesNotContain(URLEncoder.encode(shape.secret(), StandardCharsets.UTF_8))
        .startsWith("https://api.example/v1/search?q=")
        .endsWith("&page=2");
  }

  @Test
  void corpusHoldsTheShapesOfTheIssueAndAtLeastThirtyMore() {
    assertThat(SecretShapes.all())
        .hasSizeGreaterThanOrEqualTo(37)
        .extracting(Shape::name)
        .contains(
            "sk-proj key in a path segment (issue 16)",
            "User-Agent carrying a key (issue 16)",
            "error message naming a key (issue 16)");
  }

  @Test
  void aKeyInAPlainPathSegmentIsMaskedInPlace() {
    assertThat(redactor.redact("/v1/conversations/sk-proj-abcdefghijklmnopqrstuvwx"))
        .isEqualTo("/v1/conversations/" + Redactor.MASK);
  }

  @Test
  void anEncodedPathWithoutSecretsIsReturnedAsTheSameInstance() {
    String path = "/v1/files/report%202026%20Q1.pdf";

    assertThat(redactor.redact(path)).isSameAs(path);
  }

  @Test
  void aMalformedEscapeDoesNotThrow() {
    String path = "/v1/files/100%/x%zz%4";

    assertThat(redactor.redact(path)).isSameAs(path);
  }

  @Test
  void sensitiveKeysAreRecognisedAcrossNamingStyles() {
    assertThat(List.of("password", "X-Api-Key", "apiKey", "refreshToken", "Authorization"))
        .allMatch(redactor::isSensitiveKey);
    assertThat(List.of("input_tokens", "token_type", "cache_key", "path"))
        .noneMatch(redactor::isSensitiveKey);
  }

  @Test
  void theDisabledRedactorMasksNothing() {
    String text = "password=hunter2-Secret!";

    assertThat(Redactor.disabled().redact(text)).isSameAs(text);
    assertThat(Redactor.disabled().isSensitiveKey("password")).isFalse();
  }

  @Test
  void extraKeysAreMatchedAfterNormalisation() {
    Redactor custom = Redactor.create(Set.of("customer_ssn"), List.of());

    assertThat(custom.isSensitiveKey("customerSsn")).isTrue();
    assertThat(redactor.isSensitiveKey("customerSsn")).isFalse();
  }
}
