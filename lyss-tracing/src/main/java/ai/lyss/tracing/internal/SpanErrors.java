package ai.lyss.tracing.internal;

import ai.lyss.tracing.TracingAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Records a failure on a span the same way everywhere (design.md §4). */
public final class SpanErrors {

  private SpanErrors() {}

  /**
   * Marks the span failed: status ERROR, {@code error.type}, {@code error.message}, an exception
   * event. Never throws.
   *
   * @param span the span
   * @param error the failure; wrappers of async frameworks are unwrapped
   */
  public static void record(Span span, Throwable error) {
    try {
      Throwable cause = unwrap(error);
      String message = cause.getMessage();
      span.setAttribute(TracingAttributes.ERROR_TYPE, cause.getClass().getName());
      if (message != null) {
        span.setAttribute(TracingAttributes.ERROR_MESSAGE, cap(message));
      }
      span.recordException(cause);
      span.setStatus(StatusCode.ERROR, message == null ? cause.getClass().getName() : cap(message));
    } catch (RuntimeException ignored) {
      // Recording must never throw into the traced code.
    }
  }

  /**
   * The cause of {@link CompletionException} and {@link ExecutionException} wrappers.
   *
   * @param error the throwable as received
   */
  public static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static String cap(String message) {
    return message.length() <= TracingAttributes.MAX_MESSAGE_LENGTH
        ? message
        : message.substring(0, TracingAttributes.MAX_MESSAGE_LENGTH);
  }
}
