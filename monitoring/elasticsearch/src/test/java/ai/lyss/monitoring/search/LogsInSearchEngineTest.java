package ai.lyss.monitoring.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The shipped index template in a real OpenSearch 2.19 node, filled with the library's real log
 * lines, answering the original design's four Kibana queries (section 7.1) verbatim and corrected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogsInSearchEngineTest {

  static final Path TEMPLATE = Path.of("lyss-logs.index-template.json");
  static final String INDEX = "lyss-logs-2026.11.30";

  private SearchNode search;
  private List<String> lines;
  private JsonNode bulk;

  @BeforeAll
  void indexTheLibrarysLines() throws Exception {
    lines = LibraryLines.produce();
    search = SearchNode.start();
    SearchNode.Response installed =
        search.request("PUT", "/_index_template/lyss-logs", Files.readString(TEMPLATE));
    assertThat(installed.status()).as(installed.body().toString()).isEqualTo(200);
    SearchNode.Response ecs =
        search.request("PUT", "/_index_template/ecs-like", EcsLikeTemplate.BODY);
    assertThat(ecs.status()).as(ecs.body().toString()).isEqualTo(200);
    bulk = search.bulk(INDEX, lines);
  }

  @AfterAll
  void stop() throws Exception {
    if (search != null) {
      search.close();
    }
  }

  private List<String> hitMessages(JsonNode response) {
    List<String> messages = new ArrayList<>();
    for (JsonNode hit : response.path("hits").path("hits")) {
      messages.add(hit.path("_source").path("message").stringValue());
    }
    return messages;
  }

  private List<JsonNode> hitSources(JsonNode response) {
    List<JsonNode> sources = new ArrayList<>();
    for (JsonNode hit : response.path("hits").path("hits")) {
      sources.add(hit.path("_source"));
    }
    return sources;
  }

  @Test
  void everyLineOfTheLibraryIsIndexed() {
    List<String> rejected = new ArrayList<>();
    for (JsonNode item : bulk.path("items")) {
      if (item.path("index").has("error")) {
        rejected.add(item.path("index").path("error").toString());
      }
    }
    assertThat(rejected).isEmpty();
    assertThat(bulk.path("items").size()).isEqualTo(lines.size());
    assertThat(lines).hasSizeGreaterThanOrEqualTo(18);
  }

  @Test
  void theTemplateMapsTheSchemaFields() throws Exception {
    JsonNode properties =
        search
            .request("GET", "/" + INDEX + "/_mapping", null)
            .body()
            .path(INDEX)
            .path("mappings")
            .path("properties");
    assertThat(properties.path("timestamp").path("type").stringValue()).isEqualTo("date");
    assertThat(properties.path("tenant_id").path("type").stringValue()).isEqualTo("keyword");
    assertThat(properties.path("duration_ms").path("type").stringValue()).isEqualTo("double");
    assertThat(properties.path("service").path("fields").path("keyword").path("type").stringValue())
        .isEqualTo("keyword");
    assertThat(properties.path("count").path("type").stringValue()).isEqualTo("long");
    assertThat(properties.path("first_timestamp").path("type").stringValue()).isEqualTo("date");
    assertThat(properties.has("details")).as("unknown fields stay unmapped").isFalse();
  }

  @Test
  void errorAnalysisAsOriginallyWrittenFindsTheErrorsAndBucketsThemByService() throws Exception {
    JsonNode response = search.search(INDEX, KibanaQueries.ERROR_ANALYSIS);

    assertThat(hitMessages(response))
        .containsExactlyInAnyOrder("database unavailable", "vector store timeout");
    List<String> buckets = new ArrayList<>();
    for (JsonNode bucket : response.path("aggregations").path("error_by_service").path("buckets")) {
      buckets.add(bucket.path("key").stringValue() + "=" + bucket.path("doc_count").asInt());
    }
    assertThat(buckets).containsExactlyInAnyOrder("chat-gateway=1", "memory-service=1");
  }

  @Test
  void errorLinesKeepTheirErrorObjectSearchable() throws Exception {
    JsonNode response =
        search.search(
            INDEX, "{\"query\":{\"term\":{\"error.type\":\"java.lang.IllegalStateException\"}}}");

    List<JsonNode> hits = hitSources(response);
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).path("error").path("stack_trace").stringValue()).contains("at ");
  }

  @Test
  void securityEventsAsOriginallyWrittenFindOnlyTheHighSeveritySecurityEvent() throws Exception {
    JsonNode response = search.search(INDEX, KibanaQueries.SECURITY_EVENTS);

    List<JsonNode> hits = hitSources(response);
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).path("event_type").stringValue()).isEqualTo("api_key.revoked");
  }

  @Test
  void slowQueriesAsOriginallyWrittenFindTheLibrarysSlowQueryLine() throws Exception {
    JsonNode response = search.search(INDEX, KibanaQueries.SLOW_QUERIES);

    List<JsonNode> hits = hitSources(response);
    assertThat(hits).hasSize(1);
    JsonNode line = hits.get(0);
    assertThat(line.path("level").stringValue()).isEqualTo("WARNING");
    assertThat(line.path("statement").stringValue()).isEqualTo("SELECT SLEEP_MS(?) WHERE ? <> ?");
    assertThat(line.path("database").stringValue()).isEqualTo("CONVERSATIONS");
    assertThat(line.path("tenant_id").stringValue()).isEqualTo("Tenant-42");
    assertThat(line.path("request_id").stringValue()).isEqualTo("req-tenant42");
  }

  @Test
  void slowQueriesCorrectedMatchTheMessageAsAPhrase() throws Exception {
    JsonNode response = search.search(INDEX, KibanaQueries.SLOW_QUERIES_CORRECTED);

    assertThat(hitMessages(response)).containsExactly("slow query");
  }

  @Test
  void tenantActivityAsOriginallyWrittenFindsTheMixedCaseTenantExactly() throws Exception {
    JsonNode response =
        search.search(INDEX, KibanaQueries.TENANT_ACTIVITY.replace("TENANT_ID_HERE", "Tenant-42"));

    assertThat(hitMessages(response))
        .containsExactlyInAnyOrder("conversation created", "slow query");
    assertThat(response.path("aggregations").path("activity_by_hour").path("buckets").size())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void tenantActivityCorrectedFindsEveryLineOfAHyphenatedTenant() throws Exception {
    JsonNode response =
        search.search(
            INDEX, KibanaQueries.TENANT_ACTIVITY_CORRECTED.replace("TENANT_ID_HERE", "acme-corp"));

    assertThat(hitMessages(response))
        .contains(
            "message sent",
            "database unavailable",
            "AI provider call failed",
            "Audit event: plan.change",
            "Request started",
            "Request completed");
    long bucketed = 0;
    for (JsonNode bucket : response.path("aggregations").path("activity_by_hour").path("buckets")) {
      bucketed += bucket.path("doc_count").asLong();
    }
    assertThat(bucketed).isEqualTo(response.path("hits").path("total").path("value").asLong());
  }

  @Test
  void fractionalRequestDurationsAreKeptExactly() throws Exception {
    JsonNode completed =
        hitSources(
                search.search(
                    INDEX, "{\"query\":{\"match_phrase\":{\"message\":\"Request completed\"}}}"))
            .get(0);
    double duration = completed.path("duration_ms").doubleValue();

    JsonNode response =
        search.search(INDEX, "{\"query\":{\"term\":{\"duration_ms\":" + duration + "}}}");

    assertThat(hitMessages(response)).containsExactly("Request completed");
  }

  @Test
  void providerFailuresAreFoundByProviderAndErrorType() throws Exception {
    JsonNode response =
        search.search(
            INDEX,
            "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"level\":\"WARNING\"}},"
                + "{\"term\":{\"provider\":\"openai\"}},{\"term\":{\"error_type\":\"timeout\"}}]}}}");

    assertThat(hitMessages(response)).containsExactly("AI provider call failed");
  }

  @Test
  void anEcsShapedMappingRejectsTheLinesThatOurTemplateAccepts() throws Exception {
    JsonNode ecs = search.bulk("filebeat-8.17.0", lines);

    int rejected = 0;
    List<String> reasons = new ArrayList<>();
    for (JsonNode item : ecs.path("items")) {
      JsonNode error = item.path("index").path("error");
      if (!error.isMissingNode()) {
        rejected++;
        reasons.add(error.path("type").stringValue());
      }
    }
    assertThat(rejected).isEqualTo(lines.size());
    assertThat(reasons).containsOnly("mapper_parsing_exception");
    assertThat(bulk.path("errors").asBoolean()).isFalse();
  }

  @Test
  void unknownFieldsKeepTheirValueInSourceWhetherObjectOrString() throws Exception {
    JsonNode response =
        search.search(INDEX, "{\"query\":{\"match_phrase\":{\"message\":\"retry scheduled\"}}}");

    assertThat(hitSources(response))
        .extracting(source -> source.path("details").getNodeType().toString())
        .containsExactlyInAnyOrder("STRING", "OBJECT");
  }

  @Test
  void withoutTheTemplateDynamicMappingMissesMixedCaseTenants() throws Exception {
    search.bulk("plain-logs", lines);

    JsonNode response =
        search.search(
            "plain-logs", KibanaQueries.TENANT_ACTIVITY.replace("TENANT_ID_HERE", "Tenant-42"));

    assertThat(response.path("hits").path("total").path("value").asLong()).isZero();
  }
}
