package ai.lyss.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the lyss-logging auto-configuration ({@code lyss.logging.*}). */
@ConfigurationProperties(LyssLoggingProperties.PREFIX)
public final class LyssLoggingProperties {

  /** The property prefix. */
  public static final String PREFIX = "lyss.logging";

  /** Whether the JSON log output and the request-logging filter are wired. */
  private boolean enabled = true;

  /** Whether Boot's logging output becomes the Lyss JSON lines (unless the service has its own). */
  private boolean jsonOutput = true;

  /** Whether every HTTP request is logged (started/completed/failed) with X-Request-ID. */
  private boolean requestLogging = true;

  /** Proxies (IP addresses or CIDR ranges) whose X-Forwarded-For is believed. */
  private List<String> trustedProxies = new ArrayList<>();

  /** Whether the enabled flag is on (default {@code true}). */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Turns the logging auto-configuration on or off.
   *
   * @param enabled the flag
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Whether the JSON output is installed. */
  public boolean isJsonOutput() {
    return jsonOutput;
  }

  /**
   * Sets whether the JSON output is installed.
   *
   * @param jsonOutput the flag
   */
  public void setJsonOutput(boolean jsonOutput) {
    this.jsonOutput = jsonOutput;
  }

  /** Whether requests are logged. */
  public boolean isRequestLogging() {
    return requestLogging;
  }

  /**
   * Sets whether requests are logged.
   *
   * @param requestLogging the flag
   */
  public void setRequestLogging(boolean requestLogging) {
    this.requestLogging = requestLogging;
  }

  /** The trusted proxies. */
  public List<String> getTrustedProxies() {
    return trustedProxies;
  }

  /**
   * Sets the trusted proxies; a malformed entry fails at start-up naming it.
   *
   * @param trustedProxies IP addresses or CIDR ranges
   */
  public void setTrustedProxies(List<String> trustedProxies) {
    this.trustedProxies = new ArrayList<>(trustedProxies);
  }
}
