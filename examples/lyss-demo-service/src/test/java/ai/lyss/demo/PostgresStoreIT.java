package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.PostgresServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The demo against a real PostgreSQL ({@code --db-url}, user and password from the environment):
 * conversations round-trip, statements are {@code postgresql} spans, {@code slow-db} is a {@code
 * pg_sleep} slow query. Skipped when PostgreSQL is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStoreIT {

  private static final String PASSWORD = "demo-pg-Secret-7";

  private PostgresServer postgres;
  private DemoProcess demo;

  @BeforeAll
  void start() throws IOException {
    postgres = PostgresServer.start("postgres", PASSWORD);
    demo =
        DemoProcess.start(
            List.of("--db-url", postgres.jdbcUrl()),
            Map.of("LYSS_DB_USER", postgres.user(), "LYSS_DB_PASSWORD", postgres.password()));
  }

  @AfterAll
  void stop() {
    if (demo != null) {
      demo.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void conversationsRoundTripThroughPostgresqlWithSpansAndASlowQuery() {
    String id =
        ApiEndpointsIT.json(
                demo.post(
                    "/v1/conversations",
                    "{\"title\":\"in postgres\"}",
                    "X-Tenant-ID",
                    "t-pg",
                    "X-Request-ID",
                    "it-pg-0001"))
            .get("id")
            .asString();
    demo.post(
        "/v1/conversations/" + id + "/messages", "{\"content\":\"stored\"}", "X-Tenant-ID", "t-pg");
    HttpResponse<String> read =
        demo.get(
            "/v1/conversations/" + id,
            "X-Tenant-ID",
            "t-pg",
            "X-Request-ID",
            "it-pg-0003",
            "X-Demo-Fail",
            "slow-db");

    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode conversation = ApiEndpointsIT.json(read);
    assertThat(conversation.get("title").asString()).isEqualTo("in postgres");
    assertThat(conversation.get("messages").get(0).get("content").asString()).isEqualTo("stored");
    String traceId = DemoLogs.completed(demo, "it-pg-0003").get("trace_id").asString();
    List<JsonNode> slow = DemoLogs.slowQueries(demo, "it-pg-0003");
    assertThat(slow).hasSize(1);
    assertThat(slow.get(0).get("statement").asString()).isEqualTo("SELECT pg_sleep(?)");
    assertThat(slow.get(0).get("database").asString()).isEqualTo("postgres");
    assertThat(slow.get(0).get("duration_ms").doubleValue()).isGreaterThanOrEqualTo(1000.0);
    assertThat(slow.get(0).get("trace_id").asString()).isEqualTo(traceId);
    JsonNode spans =
        ApiEndpointsIT.json(demo.get("/debug/traces?trace_id=" + traceId)).get("spans");
    assertThat(DemoLogs.span(spans, "SELECT").get("attributes").get("db.system").asString())
        .isEqualTo("postgresql");
    assertThat(String.join("\n", demo.stdout())).doesNotContain(PASSWORD);
  }
}
