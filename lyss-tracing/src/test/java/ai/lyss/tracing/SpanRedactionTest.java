package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.core.SecretShapes;
import ai.lyss.core.SecretShapes.Shape;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.jdkhttp.LyssHttpFilter;
import ai.lyss.testing.Poll;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared secret-shape corpus against span data: every string of every exported span (name,
 * status, attributes, event attributes) is free of the secret.
 */
class SpanRedactionTest {

  private static final String KEY = "sk-proj-AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH1234";

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final LyssTracing tracing = TestTracing.start(spans);
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;
  private volatile String handlerError = "";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server
        .createContext(
            "/",
            exchange -> {
              exchange.close();
              throw new IllegalStateException(handlerError);
            })
        .getFilters()
        .add(new LyssHttpFilter(HttpPipeline.builder().observer(tracing.httpObserver()).build()));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    tracing.close();
  }

  static List<Shape> shapes() {
    return SecretShapes.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void secretInPathUserAgentAndErrorNeverReachesTheServerSpan(Shape shape) throws Exception {
    handlerError = "No conversation '" + shape.text() + "'";
    String segment = URLEncoder.encode(shape.text(), StandardCharsets.UTF_8).replace("+", "%20");

    SpanData span = serve("/v1/conversations/" + segment, shape.text().replace('\n', ' '));

    assertThat(span.getEvents()).extracting(EventData::getName).contains("exception");
    assertThat(strings(span))
        .allSatisfy(
            text ->
                assertThat(text)
                    .doesNotContain(shape.secret())
                    .doesNotContain(URLEncoder.encode(shape.secret(), StandardCharsets.UTF_8)));
  }

  @Test
  void theIssuesRequestIsRecordedWithTheKeyMasked() throws Exception {
    handlerError = "No conversation '" + KEY + "'";

    SpanData span = serve("/v1/conversations/" + KEY, "lyss-cli/2.1 (" + KEY + ")");

    assertThat(span.getAttributes().get(TracingAttributes.URL_PATH))
        .isEqualTo("/v1/conversations/[REDACTED]");
    assertThat(span.getAttributes().get(TracingAttributes.USER_AGENT_ORIGINAL))
        .isEqualTo("lyss-cli/2.1 ([REDACTED])");
    assertThat(span.getAttributes().get(TracingAttributes.ERROR_MESSAGE))
        .isEqualTo("No conversation '[REDACTED]'");
    assertThat(span.getStatus().getDescription()).isEqualTo("No conversation '[REDACTED]'");
  }

  @Test
  void theExceptionEventKeepsTheSemanticConventionAttributesMasked() throws Exception {
    handlerError = "No conversation '" + KEY + "'";

    Attributes event = exceptionEvent(serve("/v1/conversations/1", "test"));

    assertThat(event.get(TracingAttributes.EXCEPTION_TYPE))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(event.get(TracingAttributes.EXCEPTION_MESSAGE))
        .isEqualTo("No conversation '[REDACTED]'");
    assertThat(event.get(TracingAttributes.EXCEPTION_STACKTRACE))
        .startsWith("java.lang.IllegalStateException: No conversation '[REDACTED]'")
        .contains("\tat ")
        .doesNotContain(KEY);
  }

  @Test
  void aKeyInACauseIsMaskedInTheStackTrace() {
    RuntimeException error =
        new RuntimeException("lookup failed", new IllegalArgumentException("bad key " + KEY));

    assertThatThrownBy(() -> tracing.tracedRun("lookup", () -> failWith(error))).isSameAs(error);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(exceptionEvent(span).get(TracingAttributes.EXCEPTION_STACKTRACE))
        .contains("Caused by: java.lang.IllegalArgumentException: bad key [REDACTED]");
    assertThat(strings(span)).noneMatch(text -> text.contains(KEY));
  }

  @Test
  void aFailedTracedCallIsRecordedWithTheKeyMasked() {
    IllegalStateException error = new IllegalStateException("No conversation '" + KEY + "'");

    assertThatThrownBy(() -> tracing.tracedRun("lookup", () -> failWith(error))).isSameAs(error);

    assertThat(strings(spans.getFinishedSpanItems().get(0)))
        .isNotEmpty()
        .noneMatch(text -> text.contains(KEY));
  }

  @Test
  void aFailedGenAiCallAndItsCapturedContentAreMasked() {
    GenAiSpans genAi = GenAiSpans.create(tracing).captureContent(true);
    try (GenAiSpan call = genAi.start(GenAiSpans.OPERATION_CHAT, "openai", "gpt-4o")) {
      call.inputMessages("[{\"role\":\"user\",\"content\":\"my key is " + KEY + "\"}]");
      call.outputMessages("[{\"role\":\"assistant\",\"content\":\"do not share " + KEY + "\"}]");
      call.fail(new IllegalStateException("provider rejected " + KEY));
    }

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getAttributes().get(TracingAttributes.GEN_AI_INPUT_MESSAGES))
        .contains("my key is [REDACTED]");
    assertThat(strings(span)).noneMatch(text -> text.contains(KEY));
  }

  private static void failWith(RuntimeException error) {
    throw error;
  }

  private SpanData serve(String path, String userAgent) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
            .header("User-Agent", userAgent)
            .build();
    try {
      client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException expected) {
      // the handler closes the exchange without a response
    }
    Poll.until("server span", () -> !spans.getFinishedSpanItems().isEmpty());
    return spans.getFinishedSpanItems().get(0);
  }

  private static Attributes exceptionEvent(SpanData span) {
    return span.getEvents().stream()
        .filter(event -> event.getName().equals("exception"))
        .findFirst()
        .orElseThrow()
        .getAttributes();
  }

  /** Every string the span would export. */
  private static List<String> strings(SpanData span) {
    List<String> out = new ArrayList<>();
    out.add(span.getName());
    out.add(span.getStatus().getDescription());
    span.getAttributes().forEach((key, value) -> out.add(String.valueOf(value)));
    for (EventData event : span.getEvents()) {
      out.add(event.getName());
      event.getAttributes().forEach((key, value) -> out.add(String.valueOf(value)));
    }
    return out;
  }
}
