package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.metrics.ModelPrice;
import ai.lyss.metrics.PriceTable;
import ai.lyss.metrics.TokenUsage;
import ai.lyss.testing.Poll;
import ai.lyss.testing.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Spend end to end: streamed and plain chat completions through the demo, a real Prometheus
 * scraping it and evaluating monitoring/'s spend rules (the hourly group compressed to seconds, the
 * arithmetic unchanged), the cost counter equal to the sum over responses of usage times the price
 * table, and the budget alert firing for the tenant with a tiny budget only.
 */
class SpendIT {

  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final List<String> MODELS =
      List.of("gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet", "deepseek-chat");

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void costEqualsUsageTimesPriceAndATinyBudgetFiresTheExceededAlert(@TempDir Path dir)
      throws Exception {
    Path budgets = dir.resolve("budgets.csv");
    Files.writeString(budgets, "tiny,0.000001,USD\nrich,1000000,USD\n");
    PriceTable prices = DemoConfig.parse(List.of(), Map.of()).prices;
    try (DemoProcess demo =
        DemoProcess.start(
            List.of(
                "--seed", "3",
                "--provider-latency-ms", "10",
                "--provider-failure-rate", "0",
                "--quota", "1000",
                "--budgets", budgets.toString()),
            Map.of())) {
      writeConfig(dir, demo.port());
      try (ServerProcess prometheus = ServerProcess.prometheus(dir)) {
        URI base = prometheus.uri("");
        // The budgeted tenants' spend series exist at 0 from start-up: once Prometheus has seen
        // them, every call's cost is an increase.
        Poll.until(
            "Prometheus to scrape tiny's spend at 0",
            DEADLINE,
            () -> scalar(base, "sum(ai_model_cost_total{tenant_id=\"tiny\"})") == 0);
        double expected = 0;
        for (int i = 0; i < 16; i++) {
          String model = MODELS.get(i % MODELS.size());
          JsonNode usage = chat(demo, i % 2 == 0 ? "tiny" : "rich", model, i % 4 < 2);
          ModelPrice price =
              prices.find(providerOf(model), model, LocalDate.now(ZoneOffset.UTC)).orElseThrow();
          expected +=
              price.cost(
                  TokenUsage.split(
                      usage.get("prompt_tokens").longValue(),
                      usage.get("completion_tokens").longValue()));
        }
        double want = expected;
        Poll.until(
            "Prometheus' sum(ai_model_cost_total) to equal the responses' usage x price " + want,
            DEADLINE,
            () -> Math.abs(scalar(base, "sum(ai_model_cost_total)") - want) <= 1e-9 * want);
        Poll.until(
            "TenantSpendBudgetExceeded firing for tenant tiny",
            DEADLINE,
            () -> alert(base, "tiny").equals("firing"));
        assertThat(alert(base, "rich")).as("the alert of a tenant far below its budget").isEmpty();
      }
    }
  }

  private static String providerOf(String model) {
    return model.startsWith("gpt")
        ? "openai"
        : model.startsWith("claude") ? "anthropic" : "deepseek";
  }

  /** One chat completion; its usage (from the final event when streamed). */
  private static JsonNode chat(DemoProcess demo, String tenant, String model, boolean stream) {
    String body =
        "{\"model\":\""
            + model
            + "\",\"stream\":"
            + stream
            + ",\"messages\":[{\"role\":\"user\",\"content\":\"What does this cost?\"}]}";
    HttpResponse<String> response =
        demo.post("/v1/chat/completions", body, "X-Tenant-ID", tenant, "X-Plan-Type", "pro");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    if (!stream) {
      return ApiEndpointsIT.json(response).get("usage");
    }
    JsonNode usage = null;
    for (String line : response.body().split("\n")) {
      if (line.startsWith("data: {")) {
        JsonNode chunk = ApiEndpointsIT.JSON.readTree(line.substring(6));
        if (chunk.has("usage")) {
          usage = chunk.get("usage");
        }
      }
    }
    assertThat(usage).as("usage in the final event of " + response.body()).isNotNull();
    return usage;
  }

  /** The demo's scrape and the real spend rules, made fast: windows and intervals in seconds. */
  private static void writeConfig(Path dir, int demoPort) throws IOException {
    Path basedir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    String rules =
        Files.readString(basedir.resolve("../../monitoring/prometheus/rules/spend.yml").normalize())
            .replace("interval: 1h", "interval: 1s")
            .replace("[1h]", "[5s]")
            .replace("[6h]", "[10s]")
            .replace("[30d]", "[60s]")
            .replaceAll("for: \\w+", "for: 1s");
    Files.writeString(dir.resolve("spend.yml"), rules);
    Files.writeString(
        dir.resolve("prometheus.yml"),
        "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
            + "rule_files: [spend.yml]\n"
            + "scrape_configs:\n  - job_name: lyss-demo-service\n"
            + "    static_configs:\n      - targets: ['127.0.0.1:"
            + demoPort
            + "']\n");
  }

  private double scalar(URI base, String query) {
    JsonNode result = get(base, "/api/v1/query?query=" + encode(query));
    if (result == null || result.at("/data/result").isEmpty()) {
      return Double.NaN;
    }
    return Double.parseDouble(result.at("/data/result/0/value/1").asString());
  }

  /** The state of TenantSpendBudgetExceeded for a tenant, empty when it has none. */
  private String alert(URI base, String tenant) {
    JsonNode result = get(base, "/api/v1/alerts");
    if (result == null) {
      return "";
    }
    for (JsonNode alert : result.at("/data/alerts")) {
      if (alert.at("/labels/alertname").asString().equals("TenantSpendBudgetExceeded")
          && alert.at("/labels/tenant_id").asString().equals(tenant)) {
        return alert.get("state").asString();
      }
    }
    return "";
  }

  private JsonNode get(URI base, String path) {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? ApiEndpointsIT.JSON.readTree(response.body()) : null;
    } catch (IOException e) {
      return null; // Prometheus still starting
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }
}
