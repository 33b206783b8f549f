package ai.lyss.demo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedModelProviderTest {

  private static final ModelCatalog.Model MODEL = ModelCatalog.find("gpt-4o-mini").orElseThrow();
  private static final List<ChatMessage> PROMPT = List.of(new ChatMessage("user", "Twelve chars"));

  private static List<String> outcomes(SimulatedModelProvider provider, int calls) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      try {
        ProviderResponse r = provider.complete(MODEL, PROMPT, 0, false);
        out.add(r.outputTokens() + "/" + r.finishReason());
      } catch (ProviderException e) {
        out.add(e.errorType());
      }
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameSequenceOfOutcomes() {
    List<String> first = outcomes(new SimulatedModelProvider(0, 0.3, 42L), 50);
    List<String> second = outcomes(new SimulatedModelProvider(0, 0.3, 42L), 50);

    assertThat(first).isEqualTo(second);
    assertThat(first).contains("timeout").anyMatch(o -> o.contains("/"));
  }

  @Test
  void aStreamDeliversTheWholeAnswerInPiecesWithTheSameUsageAsACall() {
    ProviderResponse whole = new SimulatedModelProvider(0, 0, 9L).complete(MODEL, PROMPT, 0, false);
    StringBuilder text = new StringBuilder();
    List<String> pieces = new ArrayList<>();

    ProviderResponse streamed =
        new SimulatedModelProvider(0, 0, 9L)
            .stream(
                MODEL, PROMPT, 0, false, piece -> pieces.add(piece) && text.append(piece) != null);

    assertThat(text.toString()).isEqualTo(whole.content());
    assertThat(pieces)
        .hasSize(
            (whole.outputTokens() + SimulatedModelProvider.TOKENS_PER_CHUNK - 1)
                / SimulatedModelProvider.TOKENS_PER_CHUNK);
    assertThat(streamed).isEqualTo(whole);
  }

  @Test
  void aStreamStoppedByTheClientCountsOnlyTheTokensDelivered() {
    List<String> pieces = new ArrayList<>();

    ProviderResponse streamed =
        new SimulatedModelProvider(0, 0, 9L)
            .stream(MODEL, PROMPT, 0, false, piece -> pieces.add(piece) && pieces.size() < 3);

    assertThat(streamed.outputTokens()).isEqualTo(2 * SimulatedModelProvider.TOKENS_PER_CHUNK);
    assertThat(streamed.finishReason()).isEqualTo(SimulatedModelProvider.CANCELLED);
  }

  @Test
  void inputTokensAreCountedFromThePrompt() {
    ProviderResponse response =
        new SimulatedModelProvider(0, 0, 1L).complete(MODEL, PROMPT, 0, false);

    assertThat(response.inputTokens()).isEqualTo(3 + (12 + 3) / 4);
    assertThat(response.provider()).isEqualTo("openai");
  }

  @Test
  void maxTokensCapsTheOutputAndEndsWithLength() {
    SimulatedModelProvider provider = new SimulatedModelProvider(0, 0, 3L);
    for (int i = 0; i < 20; i++) {
      ProviderResponse r = provider.complete(MODEL, PROMPT, 8, false);
      assertThat(r.outputTokens()).isLessThanOrEqualTo(8);
      assertThat(r.finishReason()).isIn("stop", "length");
    }
  }

  @Test
  void aForcedFailureAlwaysFails() {
    SimulatedModelProvider provider = new SimulatedModelProvider(0, 0, 5L);

    assertThatThrownBy(() -> provider.complete(MODEL, PROMPT, 0, true))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("X-Demo-Fail");
  }
}
