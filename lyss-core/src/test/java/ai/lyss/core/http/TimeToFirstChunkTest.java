package ai.lyss.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TimeToFirstChunkTest {

  /** A request whose attributes the test sets. */
  private static final class Request extends ObservedRequest {
    final Map<String, Object> attributes = new HashMap<>();

    @Override
    public String method() {
      return "POST";
    }

    @Override
    public String path() {
      return "/v1/chat/completions";
    }

    @Override
    public @Nullable String header(String name) {
      return null;
    }

    @Override
    public @Nullable Object attribute(String name) {
      return attributes.get(name);
    }

    @Override
    public String scheme() {
      return "http";
    }

    @Override
    public @Nullable String serverAddress() {
      return null;
    }

    @Override
    public int serverPort() {
      return -1;
    }

    @Override
    public @Nullable String peerAddress() {
      return null;
    }

    @Override
    public @Nullable String protocol() {
      return null;
    }

    @Override
    public @Nullable String query() {
      return null;
    }

    @Override
    public String url() {
      return "http://localhost/v1/chat/completions";
    }
  }

  @Test
  void theTimeToFirstChunkIsMeasuredFromTheStartOfTheRequest() {
    Request request = new Request();
    request.attributes.put(
        ObservedRequest.FIRST_CHUNK_ATTRIBUTE, request.startNanos() + 250_000_000L);

    assertThat(request.timeToFirstChunkNanos()).isEqualTo(250_000_000L);
  }

  @Test
  void aResponseThatWasNotStreamedHasNoTimeToFirstChunk() {
    assertThat(new Request().timeToFirstChunkNanos()).isEqualTo(-1L);
  }

  @Test
  void anAttributeOfAnotherTypeIsIgnored() {
    Request request = new Request();
    request.attributes.put(ObservedRequest.FIRST_CHUNK_ATTRIBUTE, "soon");

    assertThat(request.timeToFirstChunkNanos()).isEqualTo(-1L);
  }
}
