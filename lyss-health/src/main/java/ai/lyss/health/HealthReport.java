package ai.lyss.health;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The immutable result of running a group of checks: an overall status (healthy when every critical
 * check is healthy), when it was made, and one entry per check in registration order.
 *
 * <p>{@link #toJson()} renders the platform's health JSON:
 *
 * <pre>{@code
 * {"overall_status":"healthy","timestamp":"2026-11-26T10:00:00.000Z",
 *  "services":[{"service":"postgres","status":"healthy","response_time":3.2,
 *               "timestamp":"2026-11-26T10:00:00.000Z"}]}
 * }</pre>
 */
public final class HealthReport {

  /** The error text shown instead of the real one to callers without detail access. */
  public static final String GENERIC_ERROR = "check failed";

  /**
   * One check in a report.
   *
   * @param name the check's name (the {@code service} field)
   * @param result its result
   * @param critical whether it counts towards the overall status
   */
  public record Entry(String name, HealthCheckResult result, boolean critical) {
    /**
     * Validates the entry.
     *
     * @param name the check's name
     * @param result its result
     * @param critical whether it counts towards the overall status
     */
    public Entry {
      requireNonNull(name, "name");
      requireNonNull(result, "result");
    }
  }

  private final HealthStatus status;
  private final Instant timestamp;
  private final List<Entry> entries;

  private HealthReport(HealthStatus status, Instant timestamp, List<Entry> entries) {
    this.status = status;
    this.timestamp = timestamp;
    this.entries = entries;
  }

  /**
   * A report over the given entries; the overall status is derived from the critical ones.
   *
   * @param timestamp when the report was made
   * @param entries one per check
   */
  public static HealthReport of(Instant timestamp, List<Entry> entries) {
    requireNonNull(timestamp, "timestamp");
    List<Entry> copy = List.copyOf(requireNonNull(entries, "entries"));
    boolean healthy = copy.stream().allMatch(e -> !e.critical() || e.result().isHealthy());
    return new HealthReport(
        healthy ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY, timestamp, copy);
  }

  /** {@code HEALTHY} when every critical check is healthy (also when there are no checks). */
  public HealthStatus status() {
    return status;
  }

  /** Whether the overall status is {@code HEALTHY}. */
  public boolean isHealthy() {
    return status == HealthStatus.HEALTHY;
  }

  /** When the report was made. */
  public Instant timestamp() {
    return timestamp;
  }

  /** One entry per check, in registration order. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The result of one check.
   *
   * @param name the check's name
   */
  public Optional<HealthCheckResult> result(String name) {
    requireNonNull(name, "name");
    return entries.stream().filter(e -> e.name().equals(name)).map(Entry::result).findFirst();
  }

  /** The report JSON with error texts and details (for operators and authorised callers). */
  public String toJson() {
    return ReportJson.write(this, true, GENERIC_ERROR);
  }

  /**
   * The report JSON.
   *
   * @param detailed true to include error texts and details; false to show {@value #GENERIC_ERROR}
   *     for every error and no details (for anonymous callers)
   */
  public String toJson(boolean detailed) {
    return ReportJson.write(this, detailed, GENERIC_ERROR);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
