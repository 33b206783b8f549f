package ai.lyss.tracing.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Calls the lifecycle methods JDK 21 added to {@link HttpClient} ({@code shutdown}, {@code
 * shutdownNow}, {@code awaitTermination}, {@code isTerminated}, {@code close}) on a wrapped client
 * when the running JDK has them. lyss-tracing compiles for Java 17, where they do not exist, so
 * they are found once by name and called through method handles; on JDK 17 each call does what an
 * {@code HttpClient} of that JDK would (nothing: there is nothing to shut down).
 */
public final class HttpClientLifecycle {

  /** The lifecycle of the running JDK's {@link HttpClient}. */
  public static final HttpClientLifecycle JDK = new HttpClientLifecycle(HttpClient.class);

  private final @Nullable MethodHandle shutdown;
  private final @Nullable MethodHandle shutdownNow;
  private final @Nullable MethodHandle awaitTermination;
  private final @Nullable MethodHandle isTerminated;
  private final @Nullable MethodHandle close;

  /**
   * Finds the lifecycle methods on {@code api}.
   *
   * @param api {@link HttpClient}, or in tests a subclass that declares the methods
   */
  public HttpClientLifecycle(Class<? extends HttpClient> api) {
    shutdown = find(api, "shutdown", MethodType.methodType(void.class));
    shutdownNow = find(api, "shutdownNow", MethodType.methodType(void.class));
    awaitTermination =
        find(api, "awaitTermination", MethodType.methodType(boolean.class, Duration.class));
    isTerminated = find(api, "isTerminated", MethodType.methodType(boolean.class));
    close = find(api, "close", MethodType.methodType(void.class));
  }

  private static @Nullable MethodHandle find(Class<?> api, String name, MethodType type) {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(api, name, type)
          .asType(type.insertParameterTypes(0, HttpClient.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  /** Whether the methods exist (JDK 21 and later). */
  public boolean present() {
    return close != null;
  }

  /**
   * {@code client.shutdown()}.
   *
   * @param client the client
   */
  public void shutdown(HttpClient client) {
    run(shutdown, client);
  }

  /**
   * {@code client.shutdownNow()}.
   *
   * @param client the client
   */
  public void shutdownNow(HttpClient client) {
    run(shutdownNow, client);
  }

  /**
   * {@code client.close()}.
   *
   * @param client the client
   */
  public void close(HttpClient client) {
    run(close, client);
  }

  /**
   * {@code client.isTerminated()}; {@code false} where the JDK has no such method.
   *
   * @param client the client
   */
  public boolean isTerminated(HttpClient client) {
    if (isTerminated == null) {
      return false;
    }
    try {
      return (boolean) isTerminated.invokeExact(client);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code client.awaitTermination(duration)}; {@code false} where the JDK has no such method.
   *
   * @param client the client
   * @param duration how long to wait
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitTermination(HttpClient client, Duration duration)
      throws InterruptedException {
    if (awaitTermination == null) {
      return false;
    }
    try {
      return (boolean) awaitTermination.invokeExact(client, duration);
    } catch (RuntimeException | Error | InterruptedException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static void run(@Nullable MethodHandle method, HttpClient client) {
    if (method == null) {
      return;
    }
    try {
      method.invokeExact(client);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
