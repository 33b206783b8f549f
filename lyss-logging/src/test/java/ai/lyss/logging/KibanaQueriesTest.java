package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/** The original design's Kibana queries (section 7.1), evaluated on our output. */
class KibanaQueriesTest {

  private final LogCapture capture = LogCapture.sync();
  private final StructuredLogger log = capture.structured("ai.lyss.memory.Store");

  @AfterEach
  void tearDown() {
    MDC.clear();
    capture.close();
  }

  @Test
  void errorAnalysisMatchesLevelError() {
    log.info("fine");
    log.error("database unavailable", new IllegalStateException("down"));

    assertThat(capture.lines())
        .filteredOn(line -> line.get("level").stringValue().equals("ERROR"))
        .extracting(line -> line.get("message").stringValue())
        .containsExactly("database unavailable");
  }

  @Test
  void securityEventsMatchLevelSecurityAndSeverityHigh() {
    log.security("auth.failed", Severity.HIGH, "token replay detected");
    log.security("auth.failed", Severity.LOW, "one failed login");
    log.warning("high load", Fields.of("severity", "high"));

    List<JsonNode> hits =
        capture.lines().stream()
            .filter(line -> line.get("level").stringValue().equals("SECURITY"))
            .filter(line -> line.get("severity").stringValue().equals("high"))
            .toList();
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).get("description").stringValue()).isEqualTo("token replay detected");
  }

  @Test
  void slowQueriesMatchMessageAndNumericDurationRange() {
    log.info("slow query", Fields.of("duration_ms", 1250.5, "table", "messages"));
    log.info("slow query", Fields.of("duration_ms", 300));

    List<JsonNode> hits =
        capture.lines().stream()
            .filter(line -> line.get("message").stringValue().equals("slow query"))
            .filter(line -> line.get("duration_ms").isNumber())
            .filter(line -> line.get("duration_ms").doubleValue() >= 1000)
            .toList();
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).get("table").stringValue()).isEqualTo("messages");
  }

  @Test
  void tenantActivityMatchesTenantIdTermFromMdcAndAuditEvents() {
    MDC.put(LogFields.TENANT_ID, "tenant-42");
    log.info("conversation created");
    MDC.remove(LogFields.TENANT_ID);
    log.audit("plan.change", "tenant-42", "u1", "upgrade", "plan", "success");
    log.info("other tenant", Fields.of("tenant_id", "tenant-7"));

    assertThat(capture.lines())
        .filteredOn(line -> line.has("tenant_id"))
        .filteredOn(line -> line.get("tenant_id").stringValue().equals("tenant-42"))
        .hasSize(2);
  }
}
