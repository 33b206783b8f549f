package ai.lyss.logging.internal;

import org.jspecify.annotations.Nullable;

/**
 * Settings read from a JVM system property or, when absent, an environment variable of the same
 * name. The names are documented in the module README.
 */
public final class Settings {

  /** Service name; default {@value #DEFAULT_SERVICE}. */
  public static final String SERVICE_NAME = "LYSS_SERVICE_NAME";

  /** Service version; default {@value #DEFAULT_VERSION}. */
  public static final String SERVICE_VERSION = "LYSS_SERVICE_VERSION";

  /** Deployment environment; no default (the field is then omitted). */
  public static final String ENVIRONMENT = "LYSS_ENVIRONMENT";

  /** {@code false} turns redaction off; default on. */
  public static final String REDACTION = "LYSS_LOG_REDACTION";

  /** Extra sensitive key names, comma separated. */
  public static final String REDACT_KEYS = "LYSS_LOG_REDACT_KEYS";

  /** Extra secret patterns (Java regular expressions), separated by {@code ;;}. */
  public static final String REDACT_PATTERNS = "LYSS_LOG_REDACT_PATTERNS";

  /** Line cap in bytes; default {@value #DEFAULT_MAX_LINE_BYTES}. */
  public static final String MAX_LINE_BYTES = "LYSS_LOG_MAX_LINE_BYTES";

  /** Default service name. */
  public static final String DEFAULT_SERVICE = "unknown-service";

  /** Default version. */
  public static final String DEFAULT_VERSION = "unknown";

  /** Default line cap: 12 KiB, well under the 16 KiB at which container runtimes split lines. */
  public static final int DEFAULT_MAX_LINE_BYTES = 12 * 1024;

  private Settings() {}

  /**
   * The system property {@code name}, else the environment variable {@code name}, else {@code
   * null}; blank values count as absent.
   *
   * @param name setting name
   */
  public static @Nullable String get(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * Like {@link #get(String)} with a default.
   *
   * @param name setting name
   * @param defaultValue used when the setting is absent
   */
  public static String get(String name, String defaultValue) {
    String value = get(name);
    return value == null ? defaultValue : value;
  }
}
