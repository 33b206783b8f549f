package ai.lyss.health.internal;

import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.HealthReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
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
    appendTimestamp(field(out, TIMESTAMP).append('"'), report.timestamp()).append("\",");
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
      appendTimestamp(field(out, TIMESTAMP).append('"'), r.observedAt()).append('"');
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
    return appendTimestamp(new StringBuilder(24), instant).toString();
  }

  // Hand-written instead of DateTimeFormatter: a probe renders several timestamps, and the
  // formatter allocated most of the report's garbage.
  private static StringBuilder appendTimestamp(StringBuilder out, Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      return out.append(ISO_MILLIS.format(instant));
    }
    pad(out, year, 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append('T');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2).append('.');
    return pad(out, instant.getNano() / 1_000_000, 3).append('Z');
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    for (int limit = (int) Math.pow(10, width - 1); limit > 1 && value < limit; limit /= 10) {
      out.append('0');
    }
    return out.append(value);
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
