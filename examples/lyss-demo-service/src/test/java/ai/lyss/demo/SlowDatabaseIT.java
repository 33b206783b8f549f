package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Conversations go through JDBC (the default in-memory H2) behind lyss-tracing's data source: a
 * conversation request's trace has a database span, and {@code X-Demo-Fail: slow-db} writes the
 * {@code "slow query"} line the original design's {@code slow_queries} search looks for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowDatabaseIT {

  private DemoProcess demo;

  @BeforeAll
  void start() {
    demo = DemoProcess.start(List.of(), Map.of());
  }

  @AfterAll
  void stop() {
    demo.close();
  }

  @Test
  void slowDbRequestLogsOneSlowQueryWithTheRequestsContext() {
    HttpResponse<String> created =
        demo.post(
            "/v1/conversations",
            "{\"title\":\"slow one\"}",
            "X-Tenant-ID",
            "t-slow",
            "X-Request-ID",
            "it-slow-0001",
            "X-Demo-Fail",
            "slow-db");
    assertThat(created.statusCode()).isEqualTo(201);

    String traceId = DemoLogs.completed(demo, "it-slow-0001").get("trace_id").asString();
    List<JsonNode> slow = DemoLogs.slowQueries(demo, "it-slow-0001");

    assertThat(slow).hasSize(1);
    JsonNode line = slow.get(0);
    assertThat(line.get("level").asString()).isEqualTo("WARNING");
    assertThat(line.get("duration_ms").doubleValue()).isGreaterThanOrEqualTo(1000.0);
    assertThat(line.get("statement").asString())
        .isEqualTo("CALL LYSS_DEMO_SLEEP(?)")
        .doesNotContain("1100");
    assertThat(line.get("database").asString()).isEqualTo("LYSS_DEMO");
    assertThat(line.get("tenant_id").asString()).isEqualTo("t-slow");
    assertThat(line.get("trace_id").asString()).isEqualTo(traceId);
  }

  @Test
  void aConversationRequestsTraceHasADatabaseSpan() {
    demo.post(
        "/v1/conversations", "{}", "X-Tenant-ID", "t-db-span", "X-Request-ID", "it-db-span-01");
    String traceId = DemoLogs.completed(demo, "it-db-span-01").get("trace_id").asString();

    JsonNode spans =
        ApiEndpointsIT.json(demo.get("/debug/traces?trace_id=" + traceId)).get("spans");

    JsonNode insert = DemoLogs.span(spans, "INSERT");
    assertThat(insert.get("kind").asString()).isEqualTo("CLIENT");
    assertThat(insert.get("attributes").get("db.system").asString()).isEqualTo("h2");
    assertThat(insert.get("attributes").toString()).doesNotContain("t-db-span");
    assertThat(insert.get("parent_span_id").asString()).isNotBlank();
  }

  @Test
  void storedMessagesComeBackAndNormalRequestsLogNoSlowQuery() {
    String id =
        ApiEndpointsIT.json(
                demo.post(
                    "/v1/conversations",
                    "{\"title\":\"kept\"}",
                    "X-Tenant-ID",
                    "t-store",
                    "X-Request-ID",
                    "it-store-0001"))
            .get("id")
            .asString();
    demo.post(
        "/v1/conversations/" + id + "/messages",
        "{\"content\":\"hello 'db'\",\"type\":\"text\"}",
        "X-Tenant-ID",
        "t-store",
        "X-Request-ID",
        "it-store-0002");
    HttpResponse<String> read =
        demo.get("/v1/conversations/" + id, "X-Tenant-ID", "t-store", "X-Request-ID", "it-store-3");

    JsonNode conversation = ApiEndpointsIT.json(read);
    assertThat(conversation.get("title").asString()).isEqualTo("kept");
    assertThat(conversation.get("messages").get(0).get("content").asString())
        .isEqualTo("hello 'db'");
    assertThat(demo.get("/v1/conversations/" + id, "X-Tenant-ID", "t-other").statusCode())
        .isEqualTo(404);
    DemoLogs.completed(demo, "it-store-3");
    assertThat(DemoLogs.lines(demo, "message", "slow query"))
        .noneMatch(l -> l.get("request_id").asString().startsWith("it-store"));
  }
}
