package ai.lyss.logging.internal;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.LabelValues;
import ai.lyss.core.LyssHeaders;
import ai.lyss.core.RequestView;
import ai.lyss.core.TenantResolver;
import ai.lyss.logging.Fields;
import ai.lyss.logging.LogFields;
import ai.lyss.logging.StructuredLogger;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/** The request-logging logic shared by the Servlet and JDK HttpServer filters. */
public final class RequestLog {

  /** Default logger name of the request lines. */
  public static final String LOGGER = "ai.lyss.logging.request";

  private static final Pattern VALID_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final int MAX_HEADER_CHARS = 512;

  private final StructuredLogger log;
  private final TenantResolver tenants;
  private final TrustedProxies proxies;

  /**
   * Creates the shared logic.
   *
   * @param log where the request lines go
   * @param tenants finds the tenant of a request
   * @param proxies proxies whose X-Forwarded-For is believed
   */
  public RequestLog(StructuredLogger log, TenantResolver tenants, TrustedProxies proxies) {
    this.log = requireNonNull(log, "log");
    this.tenants = requireNonNull(tenants, "tenants");
    this.proxies = requireNonNull(proxies, "proxies");
  }

  /**
   * The incoming {@code X-Request-ID} when it is valid ({@code [A-Za-z0-9._-]{1,128}}), else a new
   * random (version 4) UUID.
   *
   * <p>The UUID comes from {@link ThreadLocalRandom}, not {@link UUID#randomUUID()}: a request id
   * correlates log lines and is not a secret, and {@code randomUUID()} draws from one shared {@code
   * SecureRandom} whose lock every request thread would contend for.
   *
   * @param header the header value, may be {@code null}
   */
  public static String requestId(@Nullable String header) {
    if (header != null && VALID_REQUEST_ID.matcher(header).matches()) {
      return header;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(msb, lsb).toString();
  }

  /**
   * Puts request id and tenant into the MDC and writes {@code Request started}.
   *
   * @param request the request
   * @param requestId the request id
   * @param url the request URL
   * @param remoteAddress the peer address of the connection
   * @return the scope to complete and close
   */
  public Scope start(RequestView request, String requestId, String url, String remoteAddress) {
    String tenant = LabelValues.sanitize(tenants.resolveOrUnknown(request), 128);
    Scope scope = new Scope(requestId, tenant);
    try {
      String clientIp = proxies.clientIp(remoteAddress, request.header(LyssHeaders.FORWARDED_FOR));
      String userAgent = request.header("User-Agent");
      log.info(
          "Request started",
          Fields.of(
              LogFields.METHOD,
              request.method(),
              LogFields.URL,
              url,
              LogFields.CLIENT_IP,
              clientIp,
              LogFields.USER_AGENT,
              userAgent == null ? null : Texts.cap(userAgent, MAX_HEADER_CHARS)));
    } catch (RuntimeException e) {
      // Logging never breaks the request.
    }
    return scope;
  }

  /** One request in flight: its MDC entries, start time and how it ended. */
  public final class Scope implements AutoCloseable {
    private final long startNanos = System.nanoTime();
    private final String requestId;
    private final String tenant;
    private final @Nullable String previousRequestId;
    private final @Nullable String previousTenant;

    private Scope(String requestId, String tenant) {
      this.requestId = requestId;
      this.tenant = tenant;
      this.previousRequestId = MDC.get(LogFields.REQUEST_ID);
      this.previousTenant = MDC.get(LogFields.TENANT_ID);
      enter();
    }

    /** Puts this request's MDC entries on the current thread (again, for async completion). */
    public void enter() {
      MDC.put(LogFields.REQUEST_ID, requestId);
      MDC.put(LogFields.TENANT_ID, tenant);
    }

    /**
     * Writes {@code Request completed}.
     *
     * @param statusCode the response status
     * @param responseSize body bytes, or a negative number when unknown
     */
    public void completed(int statusCode, long responseSize) {
      try {
        log.info(
            "Request completed",
            Fields.of(
                LogFields.STATUS_CODE,
                statusCode,
                LogFields.DURATION_MS,
                durationMillis(),
                LogFields.RESPONSE_SIZE,
                responseSize < 0 ? null : responseSize));
      } catch (RuntimeException e) {
        // Logging never breaks the request.
      }
    }

    /**
     * Writes {@code Request failed} with the error.
     *
     * @param error what the handler threw
     */
    public void failed(Throwable error) {
      try {
        log.error("Request failed", error, Fields.of(LogFields.DURATION_MS, durationMillis()));
      } catch (RuntimeException e) {
        // Logging never breaks the request.
      }
    }

    private double durationMillis() {
      return Math.round((System.nanoTime() - startNanos) / 10_000.0) / 100.0;
    }

    /** Removes this request's MDC entries (after async completion on a container thread). */
    public void leave() {
      MDC.remove(LogFields.REQUEST_ID);
      MDC.remove(LogFields.TENANT_ID);
    }

    /** Restores the MDC entries that were there before the request (usually none). */
    @Override
    public void close() {
      restore(LogFields.REQUEST_ID, previousRequestId);
      restore(LogFields.TENANT_ID, previousTenant);
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
