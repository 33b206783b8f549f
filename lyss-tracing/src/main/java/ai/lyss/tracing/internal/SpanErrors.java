package ai.lyss.tracing.internal;

import ai.lyss.core.Redactor;
import ai.lyss.tracing.TracingAttributes;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Records a failure on a span the same way everywhere (design.md §4), with secrets masked by the
 * shared {@link Redactor} in every text that comes from the exception.
 */
public final class SpanErrors {

  private static final Redactor REDACTOR = Redactor.defaults();

  /** Text this much longer than the cap is cut before redaction, so the scan stays bounded. */
  private static final int PRE_CAP = 4 * TracingAttributes.MAX_MESSAGE_LENGTH;

  private SpanErrors() {}

  /**
   * Marks the span failed: status ERROR, {@code error.type}, {@code error.message}, an exception
   * event. Messages and the stack trace are redacted. Never throws.
   *
   * @param span the span
   * @param error the failure; wrappers of async frameworks are unwrapped
   */
  public static void record(Span span, Throwable error) {
    try {
      Throwable cause = unwrap(error);
      String type = cause.getClass().getName();
      String raw = cause.getMessage();
      String message = raw == null ? null : message(raw);
      span.setAttribute(TracingAttributes.ERROR_TYPE, type);
      if (message != null) {
        span.setAttribute(TracingAttributes.ERROR_MESSAGE, message);
      }
      span.addEvent(TracingAttributes.EXCEPTION_EVENT, exceptionEvent(cause, type, message));
      span.setStatus(StatusCode.ERROR, message == null ? type : message);
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

  // Span.recordException would write the raw message and stack trace; the event is built here
  // with the same attribute names (OpenTelemetry semantic conventions) and masked values.
  private static Attributes exceptionEvent(Throwable cause, String type, @Nullable String message) {
    AttributesBuilder event = Attributes.builder().put(TracingAttributes.EXCEPTION_TYPE, type);
    if (message != null) {
      event.put(TracingAttributes.EXCEPTION_MESSAGE, message);
    }
    StringWriter trace = new StringWriter();
    try (PrintWriter out = new PrintWriter(trace)) {
      cause.printStackTrace(out);
    }
    event.put(TracingAttributes.EXCEPTION_STACKTRACE, REDACTOR.redact(trace.toString()));
    return event.build();
  }

  /** Redacted, then capped: a cut first could leave a partial secret no rule recognises. */
  private static String message(String raw) {
    String bounded = raw.length() <= PRE_CAP ? raw : raw.substring(0, PRE_CAP);
    String masked = REDACTOR.redact(bounded);
    return masked.length() <= TracingAttributes.MAX_MESSAGE_LENGTH
        ? masked
        : masked.substring(0, TracingAttributes.MAX_MESSAGE_LENGTH);
  }
}
