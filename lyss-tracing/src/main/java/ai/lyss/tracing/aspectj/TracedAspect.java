package ai.lyss.tracing.aspectj;

import static java.util.Objects.requireNonNull;

import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.Traced;
import ai.lyss.tracing.internal.TracedOperation;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;

/**
 * Runs every {@link Traced @Traced} method in a span. With Spring AOP register an instance built
 * with the {@link LyssTracing}; with AspectJ weaving (declared in {@code aop.xml}) the aspect is
 * created by AspectJ and uses {@code GlobalOpenTelemetry}.
 */
@Aspect
public final class TracedAspect {

  private final Supplier<Tracer> tracer;
  private final ConcurrentMap<Method, TracedOperation> operations = new ConcurrentHashMap<>();
  private volatile @Nullable Tracer resolved;

  /** For AspectJ weaving: spans go to {@code GlobalOpenTelemetry}, looked up on first use. */
  public TracedAspect() {
    this.tracer = () -> GlobalOpenTelemetry.getTracer(LyssTracing.INSTRUMENTATION_NAME);
  }

  /**
   * For Spring AOP and explicit wiring.
   *
   * @param tracing where spans go
   */
  public TracedAspect(LyssTracing tracing) {
    Tracer t = requireNonNull(tracing, "tracing").tracer();
    this.tracer = () -> t;
  }

  /**
   * Traces one call.
   *
   * @param joinPoint the intercepted call
   * @param traced the method's annotation
   */
  @Around("execution(@ai.lyss.tracing.Traced * *(..)) && @annotation(traced)")
  public @Nullable Object trace(ProceedingJoinPoint joinPoint, Traced traced) throws Throwable {
    Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
    TracedOperation operation = operations.get(method);
    if (operation == null) {
      operation =
          operations.computeIfAbsent(
              method,
              m -> {
                Class<?> type =
                    joinPoint.getTarget() != null
                        ? joinPoint.getTarget().getClass()
                        : m.getDeclaringClass();
                return TracedOperation.forMethod(tracer(), traced.value(), type, m);
              });
    }
    return operation.invoke(joinPoint::proceed);
  }

  private Tracer tracer() {
    Tracer t = resolved;
    if (t == null) {
      t = tracer.get();
      resolved = t;
    }
    return t;
  }
}
