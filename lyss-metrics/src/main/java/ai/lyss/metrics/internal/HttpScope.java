package ai.lyss.metrics.internal;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP request being measured on this thread by a lyss-metrics filter. {@code @MonitorApi}
 * calls inside it name the endpoint instead of recording a second time.
 */
public final class HttpScope implements AutoCloseable {

  private static final ThreadLocal<@Nullable HttpScope> CURRENT = new ThreadLocal<>();

  private final @Nullable HttpScope previous;
  private volatile @Nullable String endpoint;

  private HttpScope(@Nullable HttpScope previous) {
    this.previous = previous;
  }

  /** Opens a scope on this thread; close it in a {@code finally} block. */
  public static HttpScope open() {
    HttpScope scope = new HttpScope(CURRENT.get());
    CURRENT.set(scope);
    return scope;
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

  @Override
  public void close() {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
