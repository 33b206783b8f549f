package ai.lyss.tracing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.lyss.tracing.internal.HttpClientLifecycle;
import io.opentelemetry.api.OpenTelemetry;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import org.junit.jupiter.api.Test;

class TracingHttpClientLifecycleTest {

  private final HttpClient wrapped = HttpClient.newHttpClient();
  private final TracingHttpClient client = TracingHttpClient.wrap(wrapped, OpenTelemetry.noop());

  @Test
  void webSocketsAreBuiltByTheWrappedClient() {
    // HttpClient's own default throws UnsupportedOperationException.
    WebSocket.Builder builder = client.newWebSocketBuilder();
    assertThat(builder.getClass().getName()).startsWith("jdk.internal.net.http");
  }

  @Test
  void closingTheWrapperTerminatesTheWrappedClientOnJdk21AndLater() {
    assumeTrue(HttpClientLifecycle.JDK.present(), "HttpClient.close() exists from JDK 21");
    try (client) {
      assertThat(HttpClientLifecycle.JDK.isTerminated(wrapped)).isFalse();
    }
    assertThat(HttpClientLifecycle.JDK.isTerminated(wrapped)).isTrue();
    assertThat(client.isTerminated()).isTrue();
  }

  @Test
  void shutdownNowReachesTheWrappedClientOnJdk21AndLater() throws InterruptedException {
    assumeTrue(HttpClientLifecycle.JDK.present(), "HttpClient.shutdownNow() exists from JDK 21");
    client.shutdownNow();
    assertThat(client.awaitTermination(java.time.Duration.ofSeconds(10))).isTrue();
    assertThat(HttpClientLifecycle.JDK.isTerminated(wrapped)).isTrue();
  }
}
