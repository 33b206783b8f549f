package ai.lyss.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {

  private final Routes routes =
      new Routes()
          .add("GET", "/v1/conversations/{id}", (q, r, c, id) -> {})
          .add("POST", "/v1/conversations/{id}/messages", (q, r, c, id) -> {})
          .add("DELETE", "/v1/sessions/{id}", (q, r, c, id) -> {});

  @Test
  void aMatchGivesTheTemplateAndTheId() {
    Routes.Match match = routes.match("GET", "/v1/conversations/conv_abc123");

    assertThat(match.template()).isEqualTo("/v1/conversations/{id}");
    assertThat(match.pathId()).isEqualTo("conv_abc123");
    assertThat(match.endpoint()).isNotNull();
  }

  @Test
  void theWrongMethodKeepsTheTemplateAndListsTheAllowedOnes() {
    Routes.Match match = routes.match("PUT", "/v1/sessions/s1");

    assertThat(match.endpoint()).isNull();
    assertThat(match.template()).isEqualTo("/v1/sessions/{id}");
    assertThat(match.allowed()).containsExactly("DELETE");
  }

  @Test
  void anUnknownPathHasNoTemplate() {
    Routes.Match match = routes.match("GET", "/v1/conversations/a/b/c");

    assertThat(match.template()).isNull();
    assertThat(match.allowed()).isEmpty();
  }

  @Test
  void idSegmentsWithOddCharactersOrHugeLengthDoNotMatch() {
    assertThat(routes.match("GET", "/v1/conversations/a%2Fb").template()).isNull();
    assertThat(routes.match("GET", "/v1/conversations/" + "x".repeat(65)).template()).isNull();
    assertThat(routes.match("GET", "/v1/conversations/").template()).isNull();
  }
}
