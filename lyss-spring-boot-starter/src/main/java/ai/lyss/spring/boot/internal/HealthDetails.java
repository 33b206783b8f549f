package ai.lyss.spring.boot.internal;

import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.HealthReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Actuator detail of one Lyss check, the same on every Boot line: status, response time in ms,
 * whether it is critical and, when unhealthy, the already-sanitised error text.
 */
public final class HealthDetails {

  private HealthDetails() {}

  /**
   * The detail of one report entry.
   *
   * @param entry the check's entry in a report
   * @return the detail map, in a stable order
   */
  public static Map<String, Object> of(HealthReport.Entry entry) {
    HealthCheckResult result = entry.result();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("status", result.status().jsonValue());
    detail.put("response_time", result.responseTimeMillis());
    detail.put("critical", entry.critical());
    String error = result.error();
    if (error != null) {
      detail.put("error", error);
    }
    return detail;
  }
}
