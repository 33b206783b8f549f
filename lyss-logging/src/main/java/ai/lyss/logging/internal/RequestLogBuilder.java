package ai.lyss.logging.internal;

import static java.util.Objects.requireNonNull;

import ai.lyss.logging.StructuredLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The settings of request logging; {@code ai.lyss.logging.RequestLogging.Builder} delegates here.
 */
public final class RequestLogBuilder {

  /**
   * {@code false} turns the {@code Request started} line off (default on, as design §3 names both
   * lines); {@code Request completed} always stays.
   */
  public static final String REQUEST_STARTED = "LYSS_LOG_REQUEST_STARTED";

  private StructuredLogger logger = StructuredLogger.getLogger(RequestLog.LOGGER);
  private final List<String> trustedProxies = new ArrayList<>();
  private @Nullable Boolean logStarted;

  /**
   * Sets the logger.
   *
   * @param logger where request lines go
   */
  public void logger(StructuredLogger logger) {
    this.logger = requireNonNull(logger, "logger");
  }

  /**
   * Adds trusted proxies.
   *
   * @param proxies IP addresses or CIDR ranges
   */
  public void trustedProxies(List<String> proxies) {
    requireNonNull(proxies, "proxies");
    for (String proxy : proxies) {
      trustedProxies.add(requireNonNull(proxy, "proxy"));
    }
  }

  /**
   * Whether {@code Request started} is written; when never called, the {@value #REQUEST_STARTED}
   * setting decides (default {@code true}).
   *
   * @param enabled whether to write the line
   */
  public void requestStarted(boolean enabled) {
    this.logStarted = enabled;
  }

  /** Validates and builds; a bad proxy entry or setting throws naming it. */
  public RequestLog build() {
    boolean started = logStarted != null ? logStarted : startedSetting();
    return new RequestLog(logger, TrustedProxies.parse(trustedProxies), started);
  }

  private static boolean startedSetting() {
    String value = Settings.get(REQUEST_STARTED);
    if (value == null) {
      return true;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException(
            REQUEST_STARTED
                + "='"
                + value
                + "' is not a boolean: set it to true (write 'Request started', the default)"
                + " or false");
    }
  }
}
