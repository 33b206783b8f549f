package ai.lyss.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HealthReportTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private static HealthReport.Entry entry(String name, HealthCheckResult r, boolean critical) {
    return new HealthReport.Entry(name, r, critical);
  }

  @Test
  void rendersTheDesignSection5Json() {
    HealthReport report =
        HealthReport.of(
            T0,
            List.of(
                entry("postgres", HealthCheckResult.healthy().withTiming(3.2, T0), true),
                entry(
                    "redis",
                    HealthCheckResult.unhealthy("timeout after 5000 ms").withTiming(5000, T0),
                    true)));

    assertThat(report.toJson())
        .isEqualTo(
            "{\"overall_status\":\"unhealthy\",\"timestamp\":\"2026-11-26T10:00:00.000Z\","
                + "\"services\":[{\"service\":\"postgres\",\"status\":\"healthy\","
                + "\"response_time\":3.2,\"timestamp\":\"2026-11-26T10:00:00.000Z\"},"
                + "{\"service\":\"redis\",\"status\":\"unhealthy\","
                + "\"error\":\"timeout after 5000 ms\",\"response_time\":5000.0,"
                + "\"timestamp\":\"2026-11-26T10:00:00.000Z\"}]}");
  }

  @Test
  void isHealthyWhenOnlyANonCriticalCheckFails() {
    HealthReport report =
        HealthReport.of(
            T0,
            List.of(
                entry("db", HealthCheckResult.healthy(), true),
                entry("cache", HealthCheckResult.unhealthy("down"), false)));

    assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(report.toJson()).contains("\"service\":\"cache\",\"status\":\"unhealthy\"");
  }

  @Test
  void isUnhealthyWhenACriticalCheckFails() {
    HealthReport report =
        HealthReport.of(T0, List.of(entry("db", HealthCheckResult.unhealthy("down"), true)));

    assertThat(report.isHealthy()).isFalse();
  }

  @Test
  void withoutChecksIsHealthy() {
    assertThat(HealthReport.of(T0, List.of()).toJson())
        .isEqualTo(
            "{\"overall_status\":\"healthy\",\"timestamp\":\"2026-11-26T10:00:00.000Z\","
                + "\"services\":[]}");
  }

  @Test
  void genericRenderingHidesErrorTextsAndDetails() {
    HealthReport report =
        HealthReport.of(
            T0,
            List.of(
                entry(
                    "upstream",
                    HealthCheckResult.unhealthy("HTTP 503 from 10.0.0.7", Map.of("ip", "10.0.0.7")),
                    true)));

    assertThat(report.toJson(false))
        .contains("\"error\":\"check failed\"")
        .doesNotContain("10.0.0.7")
        .doesNotContain("details");
    assertThat(report.toJson(true)).contains("\"details\":{\"ip\":\"10.0.0.7\"}");
  }

  @Test
  void escapesHostileNamesAndErrorsIntoValidJson() {
    HealthReport report =
        HealthReport.of(
            T0,
            List.of(
                entry("x", HealthCheckResult.unhealthy("quote \" backslash \\ </script>"), true)));

    JsonNode json = JsonMapper.builder().build().readTree(report.toJson());
    assertThat(json.get("services").get(0).get("error").asString())
        .isEqualTo("quote \" backslash \\ </script>");
  }

  @Test
  void roundsResponseTimeToOneDecimalWithoutExponent() {
    HealthReport report =
        HealthReport.of(
            T0, List.of(entry("x", HealthCheckResult.healthy().withTiming(12345678.06, T0), true)));

    assertThat(report.toJson()).contains("\"response_time\":12345678.1");
  }

  @Test
  void resultErrorsAreCleanedOfCredentials() {
    assertThat(HealthCheckResult.unhealthy("cannot reach https://u:hunter22@svc/health").error())
        .isEqualTo("cannot reach https://***@svc/health");
  }
}
