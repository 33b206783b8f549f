package ai.lyss.metrics.internal;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP request being measured on this thread by a lyss-metrics filter. {@code @MonitorApi}
 * calls inside it name the endpoint instead of recording a second time.
 */
public final class HttpScope implements AutoCloseable {

  private static final ThreadLocal<@Nullable HttpScope> CURRENT = new ThreadLocal<>();

  private @Nullable HttpScope previous;
  private volatile @Nullable String endpoint;

  private HttpScope() {}

  /** Opens a scope on this thread; close it in a {@code finally} block. */
  public static HttpScope open() {
    HttpScope scope = new HttpScope();
    scope.enter();
    return scope;
  }

  /** Makes this scope current on this thread (again, on the thread completing a request). */
  public void enter() {
    previous = CURRENT.get();
    CURRENT.set(this);
  }

  /** The scope open on this thread, or {@code null}. */
  public static @Nullable HttpScope current() {
    return CURRENT.get();
  }

  /** The {@code @MonitorApi} endpoint name of the outermost annotated call, or {@code null}. */
  public @Nullable String endpoint() {
    return endpoint;
  }

  /**
   * Names the endpoint unless an outer call already did.
   *
   * @param name the {@code @MonitorApi} value
   */
  public void nameEndpoint(String name) {
    if (endpoint == null) {
      endpoint = name;
    }
  }

  /** Restores the scope that was current on this thread before {@link #enter()}. */
  @Override
  public void close() {
    HttpScope before = previous;
    previous = null;
    if (before == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(before);
    }
  }
}
