package ai.lyss.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.OtlpReceiver;
import ai.lyss.testing.Poll;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OkHttp OTLP sender ({@code LYSS_OTLP_SENDER=okhttp}, with the sender the Boot line's
 * OpenTelemetry BOM manages and the OkHttp and Kotlin versions that come with it) exports the
 * application's spans.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "LYSS_OTLP_SENDER=okhttp")
class OkHttpSenderTest {

  private static final OtlpReceiver OTLP = ShopHttp.receiver();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void otlpEndpoint(DynamicPropertyRegistry registry) {
    registry.add("lyss.tracing.endpoint", OTLP::tracesUrl);
  }

  @AfterAll
  static void stopReceiver() {
    OTLP.close();
  }

  @Test
  void spansArriveThroughOkHttp() throws IOException, InterruptedException {
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/items/5")).build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(200);

    Poll.until(
        "a SERVER span for GET /items/{id}",
        Poll.DEFAULT_TIMEOUT,
        () ->
            OTLP.spans().stream()
                .filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                .filter(s -> s.getName().equals("GET /items/{id}"))
                .findFirst(),
        () -> OTLP.spans().stream().map(Span::getName).toList().toString());

    // OkHttp keeps the connection alive; the JDK's HttpClient would offer an HTTP/2 upgrade.
    assertThat(OTLP.connectionHeaders()).isNotEmpty().allMatch("Keep-Alive"::equalsIgnoreCase);
  }
}
