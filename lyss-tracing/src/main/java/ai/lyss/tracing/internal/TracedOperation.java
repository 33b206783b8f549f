package ai.lyss.tracing.internal;

import static java.util.Objects.requireNonNull;

import ai.lyss.tracing.TracingAttributes;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;

/**
 * One traced operation with its span name and attributes computed once; {@link #invoke} runs a call
 * in a span. Shared by the aspect, the proxy and the programmatic API so they behave alike.
 */
public final class TracedOperation {

  /** One call to run, throwing whatever the traced code throws. */
  @FunctionalInterface
  public interface Invocation {
    /** Runs the call. */
    @org.jspecify.annotations.Nullable Object proceed() throws Throwable;
  }

  private final Tracer tracer;
  private final String spanName;
  private final Attributes attributes;

  private TracedOperation(Tracer tracer, String spanName, Attributes attributes) {
    this.tracer = tracer;
    this.spanName = spanName;
    this.attributes = attributes;
  }

  /**
   * An operation for a method.
   *
   * @param tracer the tracer
   * @param operation the {@code @Traced} value, empty for the default name
   * @param declaringClass the class the method belongs to (the target class, not a proxy)
   * @param method the method
   */
  public static TracedOperation forMethod(
      Tracer tracer, String operation, Class<?> declaringClass, Method method) {
    String module = declaringClass.getName();
    String name =
        operation.isEmpty() ? declaringClass.getSimpleName() + "." + method.getName() : operation;
    Attributes attributes =
        Attributes.of(
            TracingAttributes.CODE_FUNCTION_NAME,
            module + "." + method.getName(),
            TracingAttributes.FUNCTION_NAME,
            method.getName(),
            TracingAttributes.FUNCTION_MODULE,
            module);
    return new TracedOperation(requireNonNull(tracer, "tracer"), name, attributes);
  }

  /**
   * An operation without a known method (the programmatic API).
   *
   * @param tracer the tracer
   * @param operation the span name
   */
  public static TracedOperation named(Tracer tracer, String operation) {
    requireNonNull(operation, "operation");
    return new TracedOperation(
        requireNonNull(tracer, "tracer"),
        operation,
        Attributes.of(TracingAttributes.FUNCTION_NAME, operation));
  }

  /** The span name. */
  public String spanName() {
    return spanName;
  }

  /**
   * Runs the invocation in a current span. Exceptions pass through unchanged; a returned {@link
   * CompletionStage} ends the span when it completes.
   *
   * @param invocation the call
   */
  public @org.jspecify.annotations.Nullable Object invoke(Invocation invocation) throws Throwable {
    Span span = tracer.spanBuilder(spanName).setAllAttributes(attributes).startSpan();
    Object result;
    Scope scope = span.makeCurrent();
    try {
      result = invocation.proceed();
    } catch (Throwable t) {
      fail(span, t);
      throw t;
    } finally {
      scope.close();
    }
    if (result instanceof CompletionStage<?> stage) {
      endOnCompletion(span, stage);
    } else {
      succeed(span);
    }
    return result;
  }

  private static void endOnCompletion(Span span, CompletionStage<?> stage) {
    try {
      stage.whenComplete(
          (value, error) -> {
            if (error != null) {
              fail(span, error);
            } else {
              succeed(span);
            }
          });
    } catch (RuntimeException e) {
      // A stage that refuses callbacks: end now rather than leak an open span.
      succeed(span);
    }
  }

  private static void succeed(Span span) {
    span.setAttribute(TracingAttributes.FUNCTION_RESULT, TracingAttributes.RESULT_SUCCESS);
    span.end();
  }

  private static void fail(Span span, Throwable error) {
    span.setAttribute(TracingAttributes.FUNCTION_RESULT, TracingAttributes.RESULT_ERROR);
    SpanErrors.record(span, error);
    span.end();
  }
}
