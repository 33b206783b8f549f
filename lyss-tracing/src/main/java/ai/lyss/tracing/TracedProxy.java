package ai.lyss.tracing;

import static java.util.Objects.requireNonNull;

import ai.lyss.tracing.internal.TracedOperation;
import io.opentelemetry.api.trace.Tracer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Traces {@link Traced @Traced} methods without AspectJ: a JDK dynamic proxy over an interface. The
 * annotation is read from the target class's method, or else from the interface method.
 *
 * <pre>{@code
 * ChatService chat = TracedProxy.create(ChatService.class, new DefaultChatService(), tracing);
 * }</pre>
 */
public final class TracedProxy {

  private TracedProxy() {}

  /**
   * A proxy implementing {@code type} that traces the annotated methods of {@code target}.
   *
   * @param type the interface to implement
   * @param target the object calls are forwarded to
   * @param tracing where spans go
   * @param <T> the interface type
   */
  public static <T> T create(Class<T> type, T target, LyssTracing tracing) {
    return create(type, target, requireNonNull(tracing, "tracing").tracer());
  }

  /**
   * A proxy implementing {@code type} that traces the annotated methods of {@code target}.
   *
   * @param type the interface to implement
   * @param target the object calls are forwarded to
   * @param tracer the tracer to create spans with
   * @param <T> the interface type
   */
  public static <T> T create(Class<T> type, T target, Tracer tracer) {
    requireNonNull(type, "type");
    requireNonNull(target, "target");
    requireNonNull(tracer, "tracer");
    if (!type.isInterface()) {
      throw new IllegalArgumentException(
          "type must be an interface, was " + type.getName() + ": use TracedAspect for classes");
    }
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(), new Class<?>[] {type}, new Handler(target, tracer));
    return type.cast(proxy);
  }

  private static final class Handler implements InvocationHandler {
    private final Object target;
    private final Tracer tracer;
    private final ConcurrentMap<Method, Optional<TracedOperation>> operations =
        new ConcurrentHashMap<>();

    Handler(Object target, Tracer tracer) {
      this.target = target;
      this.tracer = tracer;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
        throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return objectMethod(proxy, method, args);
      }
      Optional<TracedOperation> operation = operations.get(method);
      if (operation == null) {
        operation = operations.computeIfAbsent(method, this::lookup);
      }
      if (operation.isEmpty()) {
        return call(method, args);
      }
      return operation.get().invoke(() -> call(method, args));
    }

    private @Nullable Object call(Method method, @Nullable Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private Optional<TracedOperation> lookup(Method method) {
      Method implementation = method;
      try {
        implementation = target.getClass().getMethod(method.getName(), method.getParameterTypes());
      } catch (NoSuchMethodException e) {
        // keep the interface method
      }
      Traced traced = implementation.getAnnotation(Traced.class);
      if (traced == null) {
        traced = method.getAnnotation(Traced.class);
      }
      if (traced == null) {
        return Optional.empty();
      }
      return Optional.of(
          TracedOperation.forMethod(
              tracer, traced.value(), implementation.getDeclaringClass(), implementation));
    }

    private @Nullable Object objectMethod(Object proxy, Method method, @Nullable Object[] args) {
      switch (method.getName()) {
        case "equals":
          return args != null && proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          return "TracedProxy{" + target + "}";
      }
    }
  }
}
