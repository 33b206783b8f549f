package ai.lyss.core.http;

/**
 * One observer's view of one request in flight. It starts current on the request thread ({@link
 * HttpObserver#start}); the pipeline calls {@link #exit()} when the handler returns, {@link
 * #enter()} and {@link #exit()} again around the completion of an asynchronous request on the
 * thread that completes it, and {@link #end} exactly once, while current, when the outcome is
 * known. Calls are never concurrent.
 */
public interface HttpObservation {

  /** Makes this request's context (a span, MDC entries) current on this thread. */
  default void enter() {}

  /** Undoes {@link #enter()} on this thread. */
  default void exit() {}

  /**
   * The request has ended; {@link ObservedRequest#outcome()} and {@link ObservedRequest#status()}
   * say how.
   *
   * @param request the request
   */
  void end(ObservedRequest request);
}
