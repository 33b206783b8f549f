package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * {@code "stream": true} through every signal: server-sent events in the OpenAI shape, the request
 * measured and logged until the stream ends, the time to first chunk on the GenAI span and in its
 * histogram, and a client that leaves mid-stream recorded as 499 with the tokens it was sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingIT {

  private static final String STREAM_BODY =
      "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Stream to me\"}]}";

  private final HttpClient client = HttpClient.newHttpClient();
  private DemoProcess demo;

  /** One streamed response as the client saw it: its data lines and when they arrived. */
  record Received(HttpResponse<?> response, List<String> data, List<Long> arrivalNanos) {

    List<JsonNode> chunks() {
      return data.stream()
          .filter(d -> !d.equals("[DONE]"))
          .map(ApiEndpointsIT.JSON::readTree)
          .toList();
    }
  }

  @BeforeAll
  void start() {
    demo =
        DemoProcess.start(
            List.of(
                "--seed", "5",
                "--provider-latency-ms", "100",
                "--provider-failure-rate", "0",
                "--quota", "1000"),
            Map.of());
  }

  @AfterAll
  void stop() {
    demo.close();
  }

  @Test
  void aStreamedAnswerIsServerSentEventsEndingWithUsageAndDone() {
    Received received = stream("t-sse", "sse-1");

    assertThat(received.response().statusCode()).isEqualTo(200);
    assertThat(received.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(received.data()).last().isEqualTo("[DONE]");
    List<JsonNode> chunks = received.chunks();
    assertThat(chunks).hasSizeGreaterThan(2);
    assertThat(chunks)
        .allSatisfy(c -> assertThat(c.get("object").asString()).isEqualTo("chat.completion.chunk"))
        .extracting(c -> c.get("id").asString())
        .containsOnly(chunks.get(0).get("id").asString());
    JsonNode last = chunks.get(chunks.size() - 1);
    assertThat(last.at("/choices/0/finish_reason").asString()).isIn("stop", "length");
    assertThat(last.at("/usage/completion_tokens").asInt()).isPositive();
    StringBuilder text = new StringBuilder();
    chunks.forEach(c -> text.append(c.at("/choices/0/delta/content").asString("")));
    assertThat(text.toString()).startsWith("Simulated answer from gpt-4o-mini");
  }

  @Test
  void theRequestIsMeasuredAndLoggedUntilTheStreamEndsNotUntilTheHeaders() {
    Received received = stream("t-long", "long-1");
    List<Long> arrivals = received.arrivalNanos();
    double streamingMillis = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e6;

    JsonNode completed = DemoLogs.completed(demo, "long-1");
    assertThat(completed.get("status_code").asInt()).isEqualTo(200);
    // From the request to the last event: at least the time between first and last event.
    assertThat(completed.get("duration_ms").asDouble()).isGreaterThan(streamingMillis);
    assertThat(completed.get("response_size").asLong()).isGreaterThan(200L);
    // ... and the time to the first event, which came before the rest.
    assertThat(completed.get("time_to_first_chunk_ms").asDouble())
        .isPositive()
        .isLessThan(completed.get("duration_ms").asDouble());
  }

  @Test
  void aPlainAnswerCarriesNoTimeToFirstChunk() {
    demo.post(
        "/v1/chat/completions",
        STREAM_BODY.replace("\"stream\":true", "\"stream\":false"),
        "X-Tenant-ID",
        "t-plain",
        "X-Request-ID",
        "plain-1");

    assertThat(DemoLogs.completed(demo, "plain-1").has("time_to_first_chunk_ms")).isFalse();
  }

  @Test
  void theTimeToFirstChunkIsOnTheGenAiSpanAndInItsHistogram() {
    stream("t-ttfc", "ttfc-1");
    String traceId = DemoLogs.completed(demo, "ttfc-1").get("trace_id").asString();

    Poll.until(
        "the GenAI span of trace " + traceId,
        Duration.ofSeconds(30),
        () -> hasSpan(traceId, "chat gpt-4o-mini"));
    JsonNode span = DemoLogs.span(spans(traceId), "chat gpt-4o-mini");
    assertThat(span.at("/attributes/gen_ai.response.time_to_first_chunk").asDouble())
        .isPositive()
        .isLessThan(span.get("duration_ms").asDouble() / 1000);
    // The server span: from the request to the first event sent, so no earlier than the model's.
    JsonNode server = DemoLogs.span(spans(traceId), "POST /v1/chat/completions");
    assertThat(server.at("/attributes/gen_ai.response.time_to_first_chunk").asDouble())
        .isGreaterThanOrEqualTo(
            span.at("/attributes/gen_ai.response.time_to_first_chunk").asDouble());
    PromText metrics = PromText.parse(demo.get("/metrics").body());
    assertThat(
            metrics
                .value("ai_model_time_to_first_chunk_seconds_count", Map.of("model", "gpt-4o-mini"))
                .orElse(0))
        .isPositive();
  }

  @Test
  void aClientThatLeavesMidStreamIsRecorded499WithTheTokensItWasSent() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", demo.port())) {
      byte[] body = STREAM_BODY.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "X-Tenant-ID: t-gone\r\nX-Request-ID: gone-1\r\n"
                  + "Content-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = in.readLine();
      } while (line != null && !line.startsWith("data: "));
      assertThat(line).as("a first event before leaving").isNotNull();
    } // leaves after the first event

    Poll.until(
        "the Request aborted line of gone-1",
        Duration.ofSeconds(30),
        () ->
            DemoLogs.lines(demo, "request_id", "gone-1").stream()
                .anyMatch(l -> l.get("message").asString().equals("Request aborted")));
    PromText metrics = PromText.parse(demo.get("/metrics").body());
    Map<String, String> gone = Map.of("tenant_id", "t-gone");
    assertThat(metrics.value("http_requests_total", Map.of("tenant_id", "t-gone", "status", "499")))
        .hasValue(1.0);
    assertThat(
            metrics.value(
                "ai_model_requests_total", Map.of("tenant_id", "t-gone", "status", "success")))
        .hasValue(1.0);
    assertThat(
            metrics
                .value(
                    "ai_tokens_consumed_total",
                    Map.of("tenant_id", "t-gone", "token_type", "output"))
                .orElse(0))
        .isGreaterThanOrEqualTo(2.0);
    assertThat(metrics.find("ai_model_cost_total", gone))
        .singleElement()
        .satisfies(s -> assertThat(s.value()).isPositive());
  }

  private Received stream(String tenant, String requestId) {
    HttpRequest request =
        HttpRequest.newBuilder(demo.uri("/v1/chat/completions"))
            .timeout(Duration.ofSeconds(30))
            .header("X-Tenant-ID", tenant)
            .header("X-Request-ID", requestId)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(STREAM_BODY))
            .build();
    List<String> data = new ArrayList<>();
    List<Long> arrivals = new ArrayList<>();
    try {
      HttpResponse<java.util.stream.Stream<String>> response =
          client.send(request, HttpResponse.BodyHandlers.ofLines());
      response
          .body()
          .forEach(
              line -> {
                if (line.startsWith("data: ")) {
                  arrivals.add(System.nanoTime());
                  data.add(line.substring(6));
                }
              });
      return new Received(response, data, arrivals);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode spans(String traceId) {
    return ApiEndpointsIT.json(demo.get("/debug/traces?trace_id=" + traceId)).get("spans");
  }

  private boolean hasSpan(String traceId, String name) {
    for (JsonNode span : spans(traceId)) {
      if (span.get("name").asString().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
