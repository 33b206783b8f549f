package ai.lyss.demo;

import ai.lyss.testing.Poll;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Finds the demo's JSON log lines and spans that the database tests look at. */
final class DemoLogs {

  private DemoLogs() {}

  static List<JsonNode> lines(DemoProcess demo, String field, String value) {
    return demo.stdout().stream()
        .map(ApiEndpointsIT.JSON::readTree)
        .filter(l -> l.has(field) && l.get(field).asString().equals(value))
        .toList();
  }

  /** The request's {@code Request completed} line, once written. */
  static JsonNode completed(DemoProcess demo, String requestId) {
    Poll.until(
        "the Request completed line of " + requestId,
        Duration.ofSeconds(30),
        () -> completedLine(demo, requestId) != null);
    return completedLine(demo, requestId);
  }

  private static JsonNode completedLine(DemoProcess demo, String requestId) {
    return lines(demo, "request_id", requestId).stream()
        .filter(l -> l.get("message").asString().equals("Request completed"))
        .findFirst()
        .orElse(null);
  }

  /** The request's slow-query lines (written before its Request completed line). */
  static List<JsonNode> slowQueries(DemoProcess demo, String requestId) {
    return lines(demo, "message", "slow query").stream()
        .filter(l -> l.has("request_id") && l.get("request_id").asString().equals(requestId))
        .toList();
  }

  /** The first span whose name starts with the prefix. */
  static JsonNode span(JsonNode spans, String namePrefix) {
    for (JsonNode span : spans) {
      if (span.get("name").asString().startsWith(namePrefix)) {
        return span;
      }
    }
    throw new AssertionError("no span named " + namePrefix + "... in " + spans);
  }
}
