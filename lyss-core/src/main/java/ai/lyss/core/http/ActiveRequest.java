package ai.lyss.core.http;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A request in flight through an {@link HttpPipeline}: the handle an entry filter drives. {@link
 * #exit()} after the handler returns on a thread, {@link #enter()} again on the thread that
 * completes an asynchronous request, and {@link #end} once the outcome is known - ending twice is
 * ignored, so no span or log line is written twice. Nothing here throws.
 */
public final class ActiveRequest {

  private final ObservedRequest request;
  private final @Nullable HttpObservation[] observations;
  private final boolean tenantRejected;
  private final AtomicBoolean ended = new AtomicBoolean();

  ActiveRequest(
      ObservedRequest request, @Nullable HttpObservation[] observations, boolean tenantRejected) {
    this.request = request;
    this.observations = observations;
    this.tenantRejected = tenantRejected;
  }

  /** The request. */
  public ObservedRequest request() {
    return request;
  }

  /**
   * Whether the request names a reserved or empty tenant and must be answered with 400 without
   * running the handler.
   */
  public boolean tenantRejected() {
    return tenantRejected;
  }

  /** Makes every observer's context current on this thread, in stage order. */
  public void enter() {
    for (HttpObservation observation : observations) {
      if (observation != null) {
        try {
          observation.enter();
        } catch (RuntimeException e) {
          // telemetry never breaks the request
        }
      }
    }
  }

  /** Undoes {@link #enter()} on this thread, in reverse stage order. */
  public void exit() {
    for (int i = observations.length - 1; i >= 0; i--) {
      HttpObservation observation = observations[i];
      if (observation != null) {
        try {
          observation.exit();
        } catch (RuntimeException e) {
          // telemetry never breaks the request
        }
      }
    }
  }

  /**
   * Ends the request, once: records the outcome on the {@link ObservedRequest} and ends every
   * observation in reverse stage order. Call it while the request is entered on this thread.
   *
   * @param outcome how it ended
   * @param status the status to record
   * @param error what the handler threw, kept only for {@link Outcome#FAILED}
   * @param responseBytes body bytes written, or -1
   * @return {@code false} when the request had already ended
   */
  public boolean end(Outcome outcome, int status, @Nullable Throwable error, long responseBytes) {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    request.finish(outcome, status, error, responseBytes);
    for (int i = observations.length - 1; i >= 0; i--) {
      HttpObservation observation = observations[i];
      if (observation != null) {
        try {
          observation.end(request);
        } catch (RuntimeException e) {
          // telemetry never breaks the request
        }
      }
    }
    return true;
  }

  /**
   * Ends a request whose handler returned: {@link Outcome#COMPLETED} with the status sent, or
   * {@link Outcome#ABORTED} when writing the response to the client failed.
   *
   * @param sentStatus the response status
   * @param writeFailed whether writing the response failed (the client went away)
   * @param responseBytes body bytes written, or -1
   * @return {@code false} when the request had already ended
   */
  public boolean complete(int sentStatus, boolean writeFailed, long responseBytes) {
    return writeFailed
        ? end(Outcome.ABORTED, ObservedRequest.CLIENT_CLOSED_REQUEST, null, responseBytes)
        : end(Outcome.COMPLETED, sentStatus, null, responseBytes);
  }

  /**
   * Ends a request whose handler threw, telling client-caused failures (a cut-short or malformed
   * body: {@link Outcome#CLIENT_ERROR}; the client gone: {@link Outcome#ABORTED}) from server
   * errors ({@link Outcome#FAILED}).
   *
   * @param error what the handler threw
   * @param sentStatus the status already sent, or a value below 100 when none was
   * @param writeFailed whether writing the response failed (the client went away)
   * @param responseBytes body bytes written, or -1
   * @return {@code false} when the request had already ended
   */
  public boolean fail(Throwable error, int sentStatus, boolean writeFailed, long responseBytes) {
    Outcome outcome = Failures.classify(error, writeFailed);
    int status;
    switch (outcome) {
      case ABORTED:
        status = ObservedRequest.CLIENT_CLOSED_REQUEST;
        break;
      case CLIENT_ERROR:
        status = sentStatus >= 100 ? sentStatus : Failures.clientStatus(error);
        break;
      default:
        status = sentStatus >= 100 ? sentStatus : 500;
        break;
    }
    return end(outcome, status, error, responseBytes);
  }
}
