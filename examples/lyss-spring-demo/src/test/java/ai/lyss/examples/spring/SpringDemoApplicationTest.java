package ai.lyss.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo starts and its endpoints show up in the Lyss metrics with their route templates. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lyss.tracing.register-global=false", "lyss.tracing.otlp-export=false"})
class SpringDemoApplicationTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @LocalServerPort int port;

  @Test
  void chatCompletionIsCountedWithItsRouteAndTokens() throws Exception {
    HttpResponse<String> chat =
        send(
            HttpRequest.newBuilder(uri("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("X-Tenant-ID", "acme")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gpt-demo\",\"messages\":[{\"role\":\"user\"}]}")));

    assertThat(chat.statusCode()).isEqualTo(200);
    assertThat(chat.body()).contains("\"total_tokens\":15");
    assertThat(awaitMetrics("endpoint=\"/v1/chat/completions\""))
        .contains("ai_tokens_consumed_total{")
        .contains("model=\"gpt-demo\"");
  }

  @Test
  void conversationIsCountedUnderItsRouteTemplate() throws Exception {
    assertThat(send(HttpRequest.newBuilder(uri("/v1/conversations/c-1")).GET()).statusCode())
        .isEqualTo(200);

    assertThat(awaitMetrics("endpoint=\"/v1/conversations/{id}\""))
        .contains("endpoint=\"/v1/conversations/{id}\"");
  }

  @Test
  void readinessEndpointAnswers() throws Exception {
    assertThat(send(HttpRequest.newBuilder(uri("/health/ready")).GET()).statusCode())
        .isEqualTo(200);
  }

  /**
   * The exposition once it contains {@code text}: the filter records after the handler returned,
   * which can be after the client already has the response.
   */
  private String awaitMetrics(String text) {
    AtomicReference<String> last = new AtomicReference<>("");
    return Poll.until(
        text + " in /metrics",
        Poll.DEFAULT_TIMEOUT,
        () -> {
          last.set(scrape());
          return last.get().contains(text) ? Optional.of(last.get()) : Optional.empty();
        },
        last::get);
  }

  private String scrape() {
    try {
      return send(HttpRequest.newBuilder(uri("/metrics")).GET()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return CLIENT.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
