package ai.lyss.health.internal;

import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.HealthReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Writes a {@link HealthReport} as the health JSON of design.md section 5. */
public final class ReportJson {

  /** {@code healthy} when every critical check is healthy, else {@code unhealthy}. */
  public static final String OVERALL_STATUS = "overall_status";

  /** When the report was made: ISO-8601 UTC, millisecond precision, {@code Z}. */
  public static final String TIMESTAMP = "timestamp";

  /** The list of check results. */
  public static final String SERVICES = "services";

  /** A check's name. */
  public static final String SERVICE = "service";

  /** A check's status: {@code healthy} or {@code unhealthy}. */
  public static final String STATUS = "status";

  /** Why a check is unhealthy (absent when healthy). */
  public static final String ERROR = "error";

  /** How long the check took, in milliseconds, one decimal. */
  public static final String RESPONSE_TIME = "response_time";

  /** Key/value facts from the check; only in detailed reports, only when present. */
  public static final String DETAILS = "details";

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ReportJson() {}

  /**
   * Renders the report.
   *
   * @param report the report
   * @param detailed whether to include error texts and details; otherwise errors read {@code
   *     genericError}
   * @param genericError the text shown instead of an error to callers without detail access
   */
  public static String write(HealthReport report, boolean detailed, String genericError) {
    StringBuilder out = new StringBuilder(128 + 160 * report.entries().size());
    out.append('{');
    field(out, OVERALL_STATUS).append(Json.string(report.status().jsonValue())).append(',');
    field(out, TIMESTAMP).append(Json.string(timestamp(report.timestamp()))).append(',');
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
      field(out, RESPONSE_TIME).append(millis(r.responseTimeMillis())).append(',');
      field(out, TIMESTAMP).append(Json.string(timestamp(r.observedAt())));
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

  /**
   * An instant as {@code 2026-11-26T10:00:00.000Z}.
   *
   * @param instant the instant
   */
  public static String timestamp(Instant instant) {
    return ISO_MILLIS.format(instant);
  }

  private static String millis(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  private static StringBuilder field(StringBuilder out, String name) {
    return out.append('"').append(name).append("\":");
  }
}
