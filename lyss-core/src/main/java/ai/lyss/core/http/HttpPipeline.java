package ai.lyss.core.http;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.LabelValues;
import ai.lyss.core.LyssHeaders;
import ai.lyss.core.TenantResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The observers of one service's HTTP requests, in the order they run, and the rules the pipeline
 * applies once per request (request id, tenant). Build it once and hand it to the entry filter of
 * the HTTP stack:
 *
 * <pre>{@code
 * HttpPipeline pipeline = HttpPipeline.builder()
 *     .observer(metrics.httpObserver())
 *     .observer(tracing.httpObserver())
 *     .observer(RequestLogging.observer())
 *     .build();
 * context.addFilter(new FilterHolder(new LyssServletFilter(pipeline)), "/*",
 *     EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 *
 * <p>Entry filters for other HTTP stacks call {@link #begin} once per request and then drive the
 * returned {@link ActiveRequest}.
 */
public final class HttpPipeline {

  /** Longest tenant id kept; longer values are cut. */
  public static final int MAX_TENANT_LENGTH = 128;

  private static final int MAX_REQUEST_ID_LENGTH = 128;

  private final HttpObserver[] observers;
  private final TenantResolver tenantResolver;
  private final boolean rejectReservedTenants;

  private HttpPipeline(Builder builder) {
    List<HttpObserver> sorted = new ArrayList<>(builder.observers);
    sorted.sort(Comparator.comparing(HttpObserver::stage)); // stable: equal stages keep their order
    this.observers = sorted.toArray(new HttpObserver[0]);
    this.tenantResolver = builder.tenantResolver;
    this.rejectReservedTenants = builder.rejectReservedTenants;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts observing a request: resolves its request id and tenant, then starts every observer in
   * stage order (each leaves its context current on this thread). Never throws.
   *
   * @param request the request
   * @return the request in flight; its entry filter must {@link ActiveRequest#exit()} and {@link
   *     ActiveRequest#end} it
   */
  public ActiveRequest begin(ObservedRequest request) {
    boolean rejected = false;
    String tenant = TenantResolver.UNKNOWN_TENANT;
    try {
      String raw = tenantResolver.resolve(request);
      if (raw != null) {
        String stripped = raw.strip();
        if (rejectReservedTenants && (stripped.isEmpty() || TenantResolver.isReserved(stripped))) {
          rejected = true;
        } else if (!stripped.isEmpty()) {
          tenant = LabelValues.sanitize(stripped, MAX_TENANT_LENGTH);
        }
      }
    } catch (RuntimeException e) {
      // a failing resolver leaves the tenant unknown
    }
    request.identify(requestId(request.header(LyssHeaders.REQUEST_ID)), tenant);
    HttpObservation[] observations = new HttpObservation[observers.length];
    for (int i = 0; i < observers.length; i++) {
      try {
        observations[i] = observers[i].start(request);
      } catch (RuntimeException e) {
        observations[i] = null;
      }
    }
    return new ActiveRequest(request, observations, rejected);
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
    if (header != null && isValidRequestId(header)) {
      return header;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(msb, lsb).toString();
  }

  private static boolean isValidRequestId(String value) {
    int length = value.length();
    if (length == 0 || length > MAX_REQUEST_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("HttpPipeline[");
    for (int i = 0; i < observers.length; i++) {
      text.append(i == 0 ? "" : ", ").append(observers[i].stage()).append(':');
      text.append(observers[i].getClass().getSimpleName());
    }
    return text.append(']').toString();
  }

  /** Configures an {@link HttpPipeline}. */
  public static final class Builder {
    private final List<HttpObserver> observers = new ArrayList<>();
    private TenantResolver tenantResolver = TenantResolver.fromTenantHeader();
    private boolean rejectReservedTenants = true;

    private Builder() {}

    /**
     * Adds an observer; the order of calls does not matter (see {@link HttpObserver.Stage}).
     *
     * @param observer what a signal module contributes
     */
    public Builder observer(HttpObserver observer) {
      observers.add(requireNonNull(observer, "observer"));
      return this;
    }

    /**
     * How the tenant of a request is found; default the {@code X-Tenant-ID} header. The resolver
     * returns {@code null} when the request names no tenant.
     *
     * @param tenantResolver the resolver
     */
    public Builder tenantResolver(TenantResolver tenantResolver) {
      this.tenantResolver = requireNonNull(tenantResolver, "tenantResolver");
      return this;
    }

    /**
     * Whether a request naming a reserved tenant ({@code unknown}, {@code __overflow__}) or an
     * empty one is refused with 400 before the handler runs; default {@code true}, so no client can
     * pass itself off as the catch-all series.
     *
     * @param reject {@code false} to record such requests under {@code unknown} instead
     */
    public Builder rejectReservedTenants(boolean reject) {
      this.rejectReservedTenants = reject;
      return this;
    }

    /** Builds the pipeline (no observers is allowed: the filter then only sets request ids). */
    public HttpPipeline build() {
      return new HttpPipeline(this);
    }
  }
}
