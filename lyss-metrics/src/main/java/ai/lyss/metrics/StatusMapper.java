package ai.lyss.metrics;

import static java.util.Objects.requireNonNull;

/**
 * Maps an exception thrown by an endpoint to the HTTP status recorded for it, for example a quota
 * exception to 429. Used by {@link MonitorApi} and by the HTTP filters when a handler throws before
 * a response is sent. A mapper that throws or returns a value outside 100..599 gives 500.
 */
@FunctionalInterface
public interface StatusMapper {

  /** The status every error maps to by default. */
  int DEFAULT_ERROR_STATUS = 500;

  /**
   * The status to record for an exception.
   *
   * @param error what the endpoint threw (unwrapped from {@code CompletionException} and {@code
   *     ExecutionException} for asynchronous results)
   */
  int statusOf(Throwable error);

  /** The default: every exception is a 500. */
  static StatusMapper defaults() {
    return error -> DEFAULT_ERROR_STATUS;
  }

  /**
   * A mapper that gives {@code status} for exceptions of {@code type} (and its subclasses) and asks
   * this mapper otherwise.
   *
   * @param type the exception type
   * @param status the status for it, 100..599
   * @throws IllegalArgumentException when {@code status} is not an HTTP status code
   */
  default StatusMapper when(Class<? extends Throwable> type, int status) {
    requireNonNull(type, "type");
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException(
          "status for " + type.getName() + " must be an HTTP status code 100..599, was " + status);
    }
    StatusMapper fallback = this;
    return error -> type.isInstance(error) ? status : fallback.statusOf(error);
  }
}
