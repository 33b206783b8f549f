package ai.lyss.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTemplatesTest {

  @ParameterizedTest
  @CsvSource({
    "/v1/conversations/42, /v1/conversations/{id}",
    "/v1/conversations/42/messages, /v1/conversations/{id}/messages",
    "/v1/sessions/3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b, /v1/sessions/{id}",
    "/objects/507f1f77bcf86cd799439011, /objects/{id}",
    "/keys/dGhpcyBpcyBhIHRva2VuIDEyMw==, /keys/{id}",
    "/v1/conversations/conv_01HXZ3K9Q8RZ7T2M4N6P, /v1/conversations/{id}",
    "/v1/chat/completions, /v1/chat/completions",
    "/v1/chat/completions?stream=true&user=9, /v1/chat/completions",
    "/health/ready, /health/ready",
    "/, /",
    "'', /",
    "/a//b/, /a//b/",
    "/users/12/orders/98765, /users/{id}/orders/{id}",
    "/api/v2, /api/v2",
    "/docs/getting-started-with-the-platform, /docs/getting-started-with-the-platform"
  })
  void collapsesIdLikeSegmentsAndKeepsWords(String raw, String expected) {
    assertThat(RouteTemplates.collapseIds(raw)).isEqualTo(expected);
  }

  @Test
  void nullPathIsRoot() {
    assertThat(RouteTemplates.collapseIds(null)).isEqualTo("/");
  }

  @Test
  void hostilePathsAreBoundedInLengthAndSegments() {
    String deep = "/a".repeat(10_000);
    String wide = "/" + "x".repeat(100_000);

    assertThat(RouteTemplates.collapseIds(deep))
        .hasSizeLessThanOrEqualTo(RouteTemplates.MAX_TEMPLATE_LENGTH)
        .endsWith("/...");
    assertThat(RouteTemplates.collapseIds(wide)).hasSize(RouteTemplates.MAX_TEMPLATE_LENGTH);
  }

  @Test
  void frameworkTemplateWinsOverThePath() {
    RequestView request =
        new FixedRequest(
            "/v1/items/abc", Map.of(RouteTemplates.ROUTE_ATTRIBUTE, "/v1/items/{sku}"));

    assertThat(RouteTemplates.of(request)).isEqualTo("/v1/items/{sku}");
  }

  @Test
  void pathIsCollapsedWhenNoFrameworkTemplateIsSet() {
    RequestView request = new FixedRequest("/v1/items/123", Map.of());

    assertThat(RouteTemplates.of(request)).isEqualTo("/v1/items/{id}");
  }

  private record FixedRequest(String path, Map<String, Object> attributes) implements RequestView {
    @Override
    public String method() {
      return "GET";
    }

    @Override
    public @Nullable String header(String name) {
      return null;
    }

    @Override
    public @Nullable Object attribute(String name) {
      return attributes.get(name);
    }
  }
}
