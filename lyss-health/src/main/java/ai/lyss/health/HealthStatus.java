package ai.lyss.health;

/** The status of one check or of a whole report. */
public enum HealthStatus {
  /** The check passed (or, for a report, every critical check passed). */
  HEALTHY("healthy"),
  /** The check failed, timed out, threw, or has not run yet. */
  UNHEALTHY("unhealthy");

  private final String jsonValue;

  HealthStatus(String jsonValue) {
    this.jsonValue = jsonValue;
  }

  /** The value written in the report JSON: {@code healthy} or {@code unhealthy}. */
  public String jsonValue() {
    return jsonValue;
  }
}
