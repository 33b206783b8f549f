package ai.lyss.core.http;

import ai.lyss.core.RequestView;
import ai.lyss.core.TenantResolver;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the pipeline sees it: the request itself ({@link RequestView}), what the
 * pipeline resolved once for every signal (request id, tenant, start time), and - once it has ended
 * - its {@link Outcome}, status and response size.
 *
 * <p>Entry filters of each HTTP stack subclass it; observers only read it.
 */
public abstract class ObservedRequest implements RequestView {

  /** Status recorded for a client that went away before the response was complete. */
  public static final int CLIENT_CLOSED_REQUEST = 499;

  /**
   * Request attribute a handler sets, once, to the {@link System#nanoTime()} at which it sent the
   * first chunk of a streamed response (a {@code Long}); the observers then carry the request's
   * {@link #timeToFirstChunkNanos()}.
   */
  public static final String FIRST_CHUNK_ATTRIBUTE = "ai.lyss.first_chunk_nanos";

  private final long startNanos = System.nanoTime();
  private @Nullable String requestId;
  private String tenant = TenantResolver.UNKNOWN_TENANT;
  private Outcome outcome = Outcome.COMPLETED;
  private int status = -1;
  private @Nullable Throwable error;
  private long responseBytes = -1;

  /** For entry filters. */
  protected ObservedRequest() {}

  /** The request id: the caller's valid {@code X-Request-ID}, else a new random UUID. */
  public final String requestId() {
    String id = requestId;
    return id == null ? "" : id;
  }

  /** The tenant the request names (sanitised), {@code unknown} when it names none. */
  public final String tenant() {
    return tenant;
  }

  /**
   * The tenant to record in bounded places such as metric labels: {@link #tenant()} when the
   * service accepted the request, {@code unknown} when it refused it as malformed or
   * unauthenticated (400, 401, 403, 413, 431), so clients sending made-up tenant ids cannot use up
   * the tenant budget.
   */
  public final String admittedTenant() {
    return refusesTenant(status) ? TenantResolver.UNKNOWN_TENANT : tenant;
  }

  /** {@link System#nanoTime()} when the pipeline first saw the request. */
  public final long startNanos() {
    return startNanos;
  }

  /** How the request ended; {@link Outcome#COMPLETED} until it has. */
  public final Outcome outcome() {
    return outcome;
  }

  /** The status to record (see {@link Outcome}), or -1 before the request has ended. */
  public final int status() {
    return status;
  }

  /** What the handler threw when the outcome is {@link Outcome#FAILED}, else {@code null}. */
  public final @Nullable Throwable error() {
    return error;
  }

  /** The response body bytes written, or -1 when unknown. */
  public final long responseBytes() {
    return responseBytes;
  }

  /**
   * Nanoseconds from the start of the request to the first chunk of its streamed response, or -1
   * when the handler marked none ({@link #FIRST_CHUNK_ATTRIBUTE}).
   */
  public final long timeToFirstChunkNanos() {
    try {
      return attribute(FIRST_CHUNK_ATTRIBUTE) instanceof Long sent
          ? Math.max(0L, sent - startNanos)
          : -1L;
    } catch (RuntimeException e) {
      return -1L; // a recycled request; telemetry never fails the request
    }
  }

  /** {@code http} or {@code https}. */
  public abstract String scheme();

  /** The host the request was addressed to, or {@code null}. */
  public abstract @Nullable String serverAddress();

  /** The local port, or -1. */
  public abstract int serverPort();

  /** The address of the connection's peer, or {@code null}. */
  public abstract @Nullable String peerAddress();

  /** The protocol, for example {@code HTTP/1.1}, or {@code null}. */
  public abstract @Nullable String protocol();

  /** The query string without {@code ?}, or {@code null}. */
  public abstract @Nullable String query();

  /** The full request URL with query string, as the client sent it. */
  public abstract String url();

  final void identify(String requestId, String tenant) {
    this.requestId = requestId;
    this.tenant = tenant;
  }

  final void finish(Outcome outcome, int status, @Nullable Throwable error, long responseBytes) {
    this.outcome = outcome;
    this.status = status;
    this.error = outcome == Outcome.FAILED ? error : null;
    this.responseBytes = responseBytes;
  }

  static boolean refusesTenant(int status) {
    return status == 400 || status == 401 || status == 403 || status == 413 || status == 431;
  }
}
