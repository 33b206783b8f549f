package ai.lyss.logging;

import ai.lyss.core.http.HttpObserver;
import ai.lyss.logging.internal.RequestLogBuilder;
import java.util.List;

/**
 * Request logging for the Lyss request pipeline ({@code ai.lyss.core.http.HttpPipeline}): every
 * request gets {@code request_id} and {@code tenant_id} in the MDC while it runs, a {@code Request
 * started} line (can be turned off), and one closing line - {@code Request completed} (status,
 * duration from a monotonic clock, response bytes), {@code Request aborted} (the client went away,
 * status 499, INFO) or {@code Request failed} (a server-side failure, ERROR with the error). Client
 * faults (a cut-short body, 4xx) never write an ERROR line.
 *
 * <pre>{@code
 * HttpPipeline pipeline = HttpPipeline.builder()
 *     .observer(RequestLogging.builder().trustedProxies(List.of("10.0.0.0/8")).build())
 *     .build();
 * }</pre>
 */
public final class RequestLogging {

  private RequestLogging() {}

  /** The observer with the defaults: no trusted proxies, both request lines. */
  public static HttpObserver observer() {
    return builder().build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures request logging. */
  public static final class Builder {
    private final RequestLogBuilder settings = new RequestLogBuilder();

    private Builder() {}

    /**
     * Where request lines go; default the logger {@code ai.lyss.logging.request}.
     *
     * @param logger the logger
     */
    public Builder logger(StructuredLogger logger) {
      settings.logger(logger);
      return this;
    }

    /**
     * Proxies (IP addresses or CIDR ranges) whose {@code X-Forwarded-For} is believed; default
     * none, so the client address is the connection's peer.
     *
     * @param proxies the proxies
     */
    public Builder trustedProxies(List<String> proxies) {
      settings.trustedProxies(proxies);
      return this;
    }

    /**
     * Whether the {@code Request started} line is written; default the {@code
     * LYSS_LOG_REQUEST_STARTED} setting, else {@code true}.
     *
     * @param enabled whether to write it
     */
    public Builder requestStarted(boolean enabled) {
      settings.requestStarted(enabled);
      return this;
    }

    /** Builds the observer; a malformed proxy entry or setting throws naming it. */
    public HttpObserver build() {
      return settings.build();
    }
  }
}
