package ai.lyss.logging;

/** How serious a security event is; written in lower case as the {@code severity} field. */
public enum Severity {
  /** Worth recording, no action needed. */
  LOW("low"),
  /** Suspicious; review. */
  MEDIUM("medium"),
  /** Likely an attack or a policy breach; act soon. */
  HIGH("high"),
  /** An active breach; act now. */
  CRITICAL("critical");

  private final String value;

  Severity(String value) {
    this.value = value;
  }

  /** The value written to the log, for example {@code high}. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
