package ai.lyss.health;

import ai.lyss.health.internal.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Writes a {@link HealthReport} as the health JSON of design.md section 5. Beside the report it
 * renders, so the public type needs nothing from {@code internal} that imports it back.
 */
final class ReportJson {

  /** {@code healthy} when every critical check is healthy, else {@code unhealthy}. */
  static final String OVERALL_STATUS = "overall_status";

  /** When the report was made: ISO-8601 UTC, millisecond precision, {@code Z}. */
  static final String TIMESTAMP = "timestamp";

  /** The list of check results. */
  static final String SERVICES = "services";

  /** A check's name. */
  static final String SERVICE = "service";

  /** A check's status: {@code healthy} or {@code unhealthy}. */
  static final String STATUS = "status";

  /** Why a check is unhealthy (absent when healthy). */
  static final String ERROR = "error";

  /** How long the check took, in milliseconds, one decimal. */
  static final String RESPONSE_TIME = "response_time";

  /** Key/value facts from the check; only in detailed reports, only when present. */
  static final String DETAILS = "details";

  private ReportJson() {}

  /**
   * Renders the report.
   *
   * @param report the report
   * @param detailed whether to include error texts and details; otherwise errors read {@code
   *     genericError}
   * @param genericError the text shown instead of an error to callers without detail access
   */
  static String write(HealthReport report, boolean detailed, String genericError) {
    StringBuilder out = new StringBuilder(128 + 160 * report.entries().size());
    out.append('{');
    field(out, OVERALL_STATUS).append(Json.string(report.status().jsonValue())).append(',');
    Json.timestamp(field(out, TIMESTAMP).append('"'), report.timestamp()).append("\",");
    field(out, SERVICES).append('[');
    boolean first = true;
    for (HealthReport.Entry entry : report.entries()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      HealthCheckResult r = entry.result();
      out.append('{');
      field(out, SERVICE).append(Json.string(entry.name())).append(',');
      field(out, STATUS).append(Json.string(r.status().jsonValue())).append(',');
      String error = r.error();
      if (error != null) {
        field(out, ERROR).append(Json.string(detailed ? error : genericError)).append(',');
      }
      appendMillis(field(out, RESPONSE_TIME), r.responseTimeMillis()).append(',');
      Json.timestamp(field(out, TIMESTAMP).append('"'), r.observedAt()).append('"');
      if (detailed && !r.details().isEmpty()) {
        out.append(',');
        field(out, DETAILS).append('{');
        boolean firstDetail = true;
        for (Map.Entry<String, String> d : r.details().entrySet()) {
          if (!firstDetail) {
            out.append(',');
          }
          firstDetail = false;
          Json.string(out, d.getKey());
          out.append(':');
          Json.string(out, d.getValue());
        }
        out.append('}');
      }
      out.append('}');
    }
    return out.append("]}").toString();
  }

  private static StringBuilder appendMillis(StringBuilder out, double value) {
    if (value >= 1e12) {
      return out.append(
          BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString());
    }
    long tenths = Math.round(value * 10);
    return out.append(tenths / 10).append('.').append(tenths % 10);
  }

  private static StringBuilder field(StringBuilder out, String name) {
    return out.append('"').append(name).append("\":");
  }
}
