package ai.lyss.core.http;

import org.jspecify.annotations.Nullable;

/**
 * What a signal module contributes to the request pipeline: it is told when a request starts and
 * returns the per-request {@link HttpObservation} that the pipeline enters, exits and ends. The
 * pipeline calls observers in {@link Stage} order when a request starts and in reverse order when
 * it ends, whatever order they were added in.
 *
 * <p>Implementations must not throw: the pipeline catches and ignores what they throw, because the
 * response matters more than its telemetry.
 */
public interface HttpObserver {

  /** Where an observer runs in the pipeline; earlier stages start first and end last. */
  enum Stage {
    /** Trace context: the server span, current while the later stages run. */
    CONTEXT,
    /** Request logging: sees the trace context; its lines carry trace and span ids. */
    LOG,
    /** Metrics: innermost, so its duration is the handler's and its exemplars see the span. */
    MEASURE
  }

  /** The stage this observer runs in. */
  Stage stage();

  /**
   * A request starts. Called on the request thread before the handler; the observation returned is
   * current on this thread (as if {@link HttpObservation#enter()} had been called) until the
   * pipeline calls {@link HttpObservation#exit()}.
   *
   * @param request the request; its outcome is not known yet
   * @return the observation of this request, or {@code null} to ignore it
   */
  @Nullable HttpObservation start(ObservedRequest request);
}
