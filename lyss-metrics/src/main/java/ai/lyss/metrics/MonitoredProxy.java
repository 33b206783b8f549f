package ai.lyss.metrics;

import static java.util.Objects.requireNonNull;

import ai.lyss.metrics.internal.MonitoredCalls;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@link MonitorApi} without AOP: a JDK dynamic proxy for an interface that measures the calls of
 * annotated methods (annotated on the interface or on the target's implementation) and passes every
 * other call straight through. Results and exceptions reach the caller unchanged.
 *
 * <pre>{@code
 * ChatApi api = MonitoredProxy.create(ChatApi.class, new ChatService(), metrics);
 * }</pre>
 */
public final class MonitoredProxy {

  private MonitoredProxy() {}

  /**
   * Wraps {@code target} in a monitoring proxy.
   *
   * @param type the interface to proxy
   * @param target the implementation
   * @param metrics where calls are recorded
   * @param <T> the interface type
   * @throws IllegalArgumentException when {@code type} is not an interface
   */
  public static <T> T create(Class<T> type, T target, LyssMetrics metrics) {
    requireNonNull(type, "type");
    requireNonNull(target, "target");
    requireNonNull(metrics, "metrics");
    if (!type.isInterface()) {
      throw new IllegalArgumentException(
          type.getName()
              + " is not an interface: MonitoredProxy proxies interfaces; for classes use"
              + " MonitorApiAspect with Spring AOP or AspectJ weaving");
    }
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(), new Class<?>[] {type}, new Handler(target, metrics));
    return type.cast(proxy);
  }

  private static final class Handler implements InvocationHandler {

    private static final Object NOT_MONITORED = new Object();

    private final Object target;
    private final MonitoredCalls calls;
    private final ConcurrentHashMap<Method, Object> annotations = new ConcurrentHashMap<>();

    Handler(Object target, LyssMetrics metrics) {
      this.target = target;
      this.calls = new MonitoredCalls(metrics);
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
        throws Throwable {
      Object found = annotations.get(method);
      if (found == null) {
        found = annotations.computeIfAbsent(method, this::find);
      }
      if (!(found instanceof MonitorApi annotation)) {
        return call(method, args);
      }
      MonitoredCalls.Call call = calls.call(method, annotation);
      long start = call.start();
      Object result;
      try {
        result = call(method, args);
      } catch (Throwable error) {
        call.thrown(error, start);
        throw error;
      }
      return call.returned(result, start);
    }

    private @Nullable Object call(Method method, @Nullable Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw cause != null ? cause : e;
      }
    }

    private Object find(Method method) {
      method.trySetAccessible(); // a non-public interface or target class is still callable
      MonitorApi onInterface = method.getAnnotation(MonitorApi.class);
      if (onInterface != null) {
        return onInterface;
      }
      try {
        Method impl = target.getClass().getMethod(method.getName(), method.getParameterTypes());
        MonitorApi onImpl = impl.getAnnotation(MonitorApi.class);
        return onImpl != null ? onImpl : NOT_MONITORED;
      } catch (NoSuchMethodException | SecurityException e) {
        return NOT_MONITORED;
      }
    }
  }
}
