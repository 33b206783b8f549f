package ai.lyss.metrics.aspectj;

import static java.util.Objects.requireNonNull;

import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.MonitorApi;
import ai.lyss.metrics.internal.MonitoredCalls;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;

/**
 * Measures every execution of a {@link MonitorApi} method. An annotation-style AspectJ aspect, so
 * it works both with Spring AOP (register {@code new MonitorApiAspect(metrics)} as a bean, or add
 * it to an {@code AspectJProxyFactory}) and with AspectJ weaving (name it in the service's {@code
 * META-INF/aop.xml}; the weaver creates it with the no-argument constructor, which records into the
 * metrics given to {@link #useGlobally(LyssMetrics)}).
 *
 * <p>Not final: AspectJ weaving instantiates and may subclass-check aspect classes itself.
 */
@Aspect
public class MonitorApiAspect {

  private static final AtomicReference<@Nullable MonitoredCalls> GLOBAL = new AtomicReference<>();

  private final @Nullable MonitoredCalls calls;

  /** For AspectJ weaving: records into the metrics given to {@link #useGlobally(LyssMetrics)}. */
  public MonitorApiAspect() {
    this.calls = null;
  }

  /**
   * For Spring AOP and programmatic use: records into {@code metrics}.
   *
   * @param metrics where calls are recorded
   */
  public MonitorApiAspect(LyssMetrics metrics) {
    this.calls = new MonitoredCalls(requireNonNull(metrics, "metrics"));
  }

  /**
   * Sets the metrics that aspects created by AspectJ weaving (no-argument constructor) record into.
   * Until it is called, woven methods run unmeasured.
   *
   * @param metrics where calls are recorded
   */
  public static void useGlobally(LyssMetrics metrics) {
    GLOBAL.set(new MonitoredCalls(requireNonNull(metrics, "metrics")));
  }

  /**
   * The advice: times the call and records its outcome; the result or exception is passed on
   * unchanged.
   *
   * @param joinPoint the annotated method execution
   * @param monitorApi its annotation
   * @return what the method returned
   * @throws Throwable what the method threw
   */
  @Around("execution(* *(..)) && @annotation(monitorApi)")
  public @Nullable Object monitor(ProceedingJoinPoint joinPoint, MonitorApi monitorApi)
      throws Throwable {
    MonitoredCalls target = calls != null ? calls : GLOBAL.get();
    if (target == null || !(joinPoint.getSignature() instanceof MethodSignature signature)) {
      return joinPoint.proceed();
    }
    Method method = signature.getMethod();
    MonitoredCalls.Call call = target.call(method, monitorApi);
    long start = call.start();
    Object result;
    try {
      result = joinPoint.proceed();
    } catch (Throwable error) {
      call.thrown(error, start);
      throw error;
    }
    return call.returned(result, start);
  }
}
