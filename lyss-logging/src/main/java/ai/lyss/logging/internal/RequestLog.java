package ai.lyss.logging.internal;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.LyssHeaders;
import ai.lyss.core.http.HttpObservation;
import ai.lyss.core.http.HttpObserver;
import ai.lyss.core.http.ObservedRequest;
import ai.lyss.logging.LogFields;
import ai.lyss.logging.StructuredLogger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * lyss-logging's part of the request pipeline: {@code request_id} and {@code tenant_id} in the MDC
 * while the request runs, {@code Request started} (optional), then {@code Request completed},
 * {@code Request aborted} (the client went away: INFO, status 499) or {@code Request failed}
 * (server-side failures only: ERROR with the error).
 */
public final class RequestLog implements HttpObserver {

  /** Default logger name of the request lines. */
  public static final String LOGGER = "ai.lyss.logging.request";

  /** Message of the line written when a request starts. */
  static final String STARTED = "Request started";

  /** Message of the last line of a request that completed. */
  static final String COMPLETED = "Request completed";

  /** Message of the last line of a request whose client went away. */
  static final String ABORTED = "Request aborted";

  /** Message of the last line of a request that failed on the server side. */
  static final String FAILED = "Request failed";

  private static final int MAX_HEADER_CHARS = 512;

  private final Logger log;
  private final TrustedProxies proxies;
  private final boolean logStarted;

  /**
   * Creates the observer.
   *
   * @param log where the request lines go
   * @param proxies proxies whose X-Forwarded-For is believed
   * @param logStarted whether {@code Request started} is written
   */
  public RequestLog(StructuredLogger log, TrustedProxies proxies, boolean logStarted) {
    this.log = requireNonNull(log, "log").slf4j();
    this.proxies = requireNonNull(proxies, "proxies");
    this.logStarted = logStarted;
  }

  @Override
  public Stage stage() {
    return Stage.LOG;
  }

  @Override
  public HttpObservation start(ObservedRequest request) {
    String requestId = request.requestId();
    // The library generated the id unless the client sent it (HttpPipeline keeps a valid one).
    boolean generated = !requestId.equals(request.header(LyssHeaders.REQUEST_ID));
    RequestLineMarker marker = RequestLineMarker.of(generated ? requestId : null);
    Scope scope = new Scope(requestId, request.tenant(), marker);
    scope.enter();
    if (logStarted) {
      try {
        String peer = request.peerAddress();
        String clientIp =
            proxies.clientIp(
                peer == null ? "unknown" : peer, request.header(LyssHeaders.FORWARDED_FOR));
        String userAgent = request.header("User-Agent");
        line(Level.INFO, marker, STARTED)
            .addKeyValue(LogFields.METHOD, request.method())
            .addKeyValue(LogFields.URL, request.url())
            .addKeyValue(LogFields.CLIENT_IP, clientIp)
            .addKeyValue(
                LogFields.USER_AGENT,
                userAgent == null ? null : Texts.cap(userAgent, MAX_HEADER_CHARS))
            .log();
      } catch (RuntimeException e) {
        // Logging never breaks the request.
      }
    }
    return scope;
  }

  /**
   * A request line as {@link StructuredLogger} would build it, plus the marker that vouches for the
   * values the library produced (see {@link RequestLineMarker}).
   */
  private LoggingEventBuilder line(Level level, RequestLineMarker marker, String message) {
    return log.makeLoggingEventBuilder(level).addMarker(marker).setMessage(message);
  }

  private static double durationMillis(ObservedRequest request) {
    return Math.round((System.nanoTime() - request.startNanos()) / 10_000.0) / 100.0;
  }

  /** One request in flight: its MDC entries while current on a thread, and its last line. */
  private final class Scope implements HttpObservation {
    private final String requestId;
    private final String tenant;
    private final RequestLineMarker marker;
    private @Nullable String previousRequestId;
    private @Nullable String previousTenant;

    Scope(String requestId, String tenant, RequestLineMarker marker) {
      this.requestId = requestId;
      this.tenant = tenant;
      this.marker = marker;
    }

    @Override
    public void enter() {
      previousRequestId = MDC.get(LogFields.REQUEST_ID);
      previousTenant = MDC.get(LogFields.TENANT_ID);
      MDC.put(LogFields.REQUEST_ID, requestId);
      MDC.put(LogFields.TENANT_ID, tenant);
    }

    @Override
    public void exit() {
      restore(LogFields.REQUEST_ID, previousRequestId);
      restore(LogFields.TENANT_ID, previousTenant);
      previousRequestId = null;
      previousTenant = null;
    }

    @Override
    public void end(ObservedRequest request) {
      try {
        long bytes = request.responseBytes();
        switch (request.outcome()) {
          case FAILED:
            Throwable error = request.error();
            if (error != null) {
              line(Level.ERROR, marker, FAILED)
                  .setCause(error)
                  .addKeyValue(LogFields.STATUS_CODE, request.status())
                  .addKeyValue(LogFields.DURATION_MS, durationMillis(request))
                  .log();
            } else {
              completed(FAILED, request, bytes);
            }
            break;
          case ABORTED:
            completed(ABORTED, request, bytes);
            break;
          default:
            completed(COMPLETED, request, bytes);
            break;
        }
      } catch (RuntimeException e) {
        // Logging never breaks the request.
      }
    }

    private void completed(String message, ObservedRequest request, long bytes) {
      long firstChunk = request.timeToFirstChunkNanos();
      LoggingEventBuilder line =
          line(Level.INFO, marker, message)
              .addKeyValue(LogFields.STATUS_CODE, request.status())
              .addKeyValue(LogFields.DURATION_MS, durationMillis(request))
              .addKeyValue(LogFields.RESPONSE_SIZE, bytes < 0 ? null : bytes);
      if (firstChunk >= 0) {
        line.addKeyValue(
            LogFields.TIME_TO_FIRST_CHUNK_MS, Math.round(firstChunk / 10_000.0) / 100.0);
      }
      line.log();
    }

    private void restore(String key, @Nullable String previous) {
      if (previous == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, previous);
      }
    }
  }
}
