package ai.lyss.logging.internal;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Marks an event as one of {@link RequestLog}'s request lines and vouches for the values the
 * library produced for it, so that {@link EventWriter} writes them without the redaction scan: the
 * message (one of {@link RequestLog}'s constants) and the request id when the library generated it
 * (the exact string is held here, so an id a client sent or an application put in the MDC is still
 * redacted). Every other string of the line (method, URL, client address, user agent, tenant, MDC
 * and extra fields, error messages) can come from the client or the application and is redacted as
 * usual; numbers are never redacted.
 *
 * <p>One instance per request, created by {@link RequestLog}; it has no references and contains no
 * other marker.
 */
public final class RequestLineMarker implements Marker {

  private static final long serialVersionUID = 1L;

  /** The name other encoders would show; Lyss's own encoder writes no marker names. */
  static final String NAME = "LYSS_REQUEST_LINE";

  private final transient @Nullable String ownRequestId;

  /**
   * Creates the marker of one request.
   *
   * @param ownRequestId the request id when the library generated it, {@code null} when a client
   *     sent it
   */
  RequestLineMarker(@Nullable String ownRequestId) {
    this.ownRequestId = ownRequestId;
  }

  /**
   * The marker of one request's lines (also how benchmarks build request lines).
   *
   * @param ownRequestId the request id when the library generated it, {@code null} when a client
   *     sent it
   */
  public static RequestLineMarker of(@Nullable String ownRequestId) {
    return new RequestLineMarker(ownRequestId);
  }

  /** Whether {@code requestId} is the very id the library generated for this request. */
  boolean vouchesFor(@Nullable String requestId) {
    return ownRequestId != null && ownRequestId.equals(requestId);
  }

  /** The request-line marker of {@code markers}, or {@code null}. */
  static @Nullable RequestLineMarker in(@Nullable List<Marker> markers) {
    if (markers != null) {
      for (int i = 0, n = markers.size(); i < n; i++) {
        if (markers.get(i) instanceof RequestLineMarker line) {
          return line;
        }
      }
    }
    return null;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void add(Marker reference) {
    throw new UnsupportedOperationException("a request-line marker takes no references");
  }

  @Override
  public boolean remove(Marker reference) {
    return false;
  }

  @Override
  @Deprecated
  public boolean hasChildren() {
    return false;
  }

  @Override
  public boolean hasReferences() {
    return false;
  }

  @Override
  public Iterator<Marker> iterator() {
    return Collections.emptyIterator();
  }

  @Override
  public boolean contains(Marker other) {
    return other == this;
  }

  @Override
  public boolean contains(String name) {
    return NAME.equals(name);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
