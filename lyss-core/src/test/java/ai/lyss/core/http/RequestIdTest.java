package ai.lyss.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdTest {

  @Test
  void aGeneratedIdIsAVersionFourUuidWithTheIetfVariant() {
    String id = HttpPipeline.requestId(null);

    UUID uuid = UUID.fromString(id);
    assertThat(uuid.toString()).isEqualTo(id);
    assertThat(uuid.version()).isEqualTo(4);
    assertThat(uuid.variant()).isEqualTo(2);
  }

  @Test
  void generatedIdsDoNotRepeat() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(HttpPipeline.requestId(null));
    }
    assertThat(ids).hasSize(100_000);
  }

  @Test
  void aValidIncomingIdIsKeptAndAnInvalidOneReplaced() {
    assertThat(HttpPipeline.requestId("req-42.a_b")).isEqualTo("req-42.a_b");
    assertThat(HttpPipeline.requestId("bad id\r\nInjected: yes")).doesNotContain("Injected");
    assertThat(UUID.fromString(HttpPipeline.requestId("x".repeat(129))).version()).isEqualTo(4);
  }
}
