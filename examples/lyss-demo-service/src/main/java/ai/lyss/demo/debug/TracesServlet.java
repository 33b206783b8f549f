package ai.lyss.demo.debug;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /debug/traces}: the most recent spans as JSON, newest first. Query parameters: {@code
 * trace_id} (32 hex digits) keeps one trace, {@code limit} (1 to {@link RecentSpans#CAPACITY},
 * default {@value #DEFAULT_LIMIT}) caps the count.
 */
@SuppressWarnings("serial") // never serialized
public final class TracesServlet extends HttpServlet {

  static final int DEFAULT_LIMIT = 100;

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RecentSpans spans;

  /**
   * Serves the spans of an exporter.
   *
   * @param spans the in-memory exporter
   */
  public TracesServlet(RecentSpans spans) {
    this.spans = requireNonNull(spans, "spans");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String traceId = request.getParameter("trace_id");
    if (traceId != null && !TRACE_ID.matcher(traceId).matches()) {
      error(response, "trace_id must be 32 lower-case hex digits");
      return;
    }
    int limit = DEFAULT_LIMIT;
    String limitText = request.getParameter("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > RecentSpans.CAPACITY) {
        error(response, "limit must be an integer from 1 to " + RecentSpans.CAPACITY);
        return;
      }
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode out = body.putArray("spans");
    List<SpanData> recent = spans.newestFirst();
    for (SpanData span : recent) {
      if (out.size() >= limit) {
        break;
      }
      if (traceId == null || traceId.equals(span.getTraceId())) {
        out.add(toJson(span));
      }
    }
    body.put("kept", recent.size());
    body.put("capacity", RecentSpans.CAPACITY);
    write(response, 200, body);
  }

  private static ObjectNode toJson(SpanData span) {
    ObjectNode node = JSON.createObjectNode();
    node.put("trace_id", span.getTraceId());
    node.put("span_id", span.getSpanId());
    if (span.getParentSpanContext().isValid()) {
      node.put("parent_span_id", span.getParentSpanId());
    }
    node.put("name", span.getName());
    node.put("kind", span.getKind().name());
    node.put("start", Instant.ofEpochSecond(0, span.getStartEpochNanos()).toString());
    node.put("duration_ms", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6);
    node.put("status", span.getStatus().getStatusCode().name());
    ObjectNode attributes = node.putObject("attributes");
    span.getAttributes().forEach((key, value) -> put(attributes, key, value));
    return node;
  }

  private static void put(ObjectNode attributes, AttributeKey<?> key, Object value) {
    if (value instanceof Long l) {
      attributes.put(key.getKey(), l);
    } else if (value instanceof Double d) {
      attributes.put(key.getKey(), d);
    } else if (value instanceof Boolean b) {
      attributes.put(key.getKey(), b);
    } else if (value instanceof List<?> list) {
      ArrayNode array = attributes.putArray(key.getKey());
      list.forEach(item -> array.add(String.valueOf(item)));
    } else {
      attributes.put(key.getKey(), String.valueOf(value));
    }
  }

  private static void error(HttpServletResponse response, String message) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error").put("message", message);
    write(response, 400, body);
  }

  private static void write(HttpServletResponse response, int status, ObjectNode body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
