package ai.lyss.metrics.internal;

import ai.lyss.metrics.HttpMetrics;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.MonitorApi;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code @MonitorApi} aspect and proxy share: per-method meters resolved once, and the
 * recording of a call's outcome. Nothing here throws into the monitored method's caller.
 */
public final class MonitoredCalls {

  /** The status recorded for a call that returned normally. */
  public static final int SUCCESS_STATUS = 200;

  private final LyssMetrics metrics;
  private final ConcurrentHashMap<Method, Call> calls = new ConcurrentHashMap<>();

  /**
   * Creates the shared state for one aspect or proxy.
   *
   * @param metrics where calls are recorded
   */
  public MonitoredCalls(LyssMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * The resolved call of an annotated method, cached per method.
   *
   * @param method the annotated method (the key of the cache)
   * @param annotation its annotation
   */
  public Call call(Method method, MonitorApi annotation) {
    Call call = calls.get(method);
    if (call == null) {
      call = calls.computeIfAbsent(method, m -> new Call(annotation));
    }
    return call;
  }

  /** One annotated method: its endpoint name and pre-resolved route. */
  public final class Call {

    private final String endpoint;
    private final HttpMetrics.Route route;

    private Call(MonitorApi annotation) {
      this.endpoint = annotation.value();
      this.route = metrics.http().route(annotation.method(), annotation.value());
    }

    /**
     * Called before the method runs: names the endpoint of an enclosing measured HTTP request.
     * Returns the start time.
     */
    public long start() {
      HttpScope scope = HttpScope.current();
      if (scope != null) {
        try {
          scope.nameEndpoint(endpoint);
        } catch (RuntimeException e) {
          RecordingErrors.swallowed("@MonitorApi " + endpoint, e);
        }
      }
      return System.nanoTime();
    }

    /**
     * Called with what the method returned; returns it unchanged. A {@code CompletionStage} is
     * recorded when it completes.
     *
     * @param result the method's result
     * @param startNanos what {@link #start()} returned
     */
    public @Nullable Object returned(@Nullable Object result, long startNanos) {
      if (HttpScope.current() != null) {
        return result; // the enclosing filter records the request once
      }
      try {
        if (result instanceof CompletionStage<?> stage) {
          stage.whenComplete(
              (value, error) ->
                  record(error == null ? SUCCESS_STATUS : statusOf(error), startNanos));
        } else {
          record(SUCCESS_STATUS, startNanos);
        }
      } catch (RuntimeException e) {
        RecordingErrors.swallowed("@MonitorApi " + endpoint, e);
      }
      return result;
    }

    /**
     * Called with what the method threw; the caller rethrows it unchanged.
     *
     * @param error the exception
     * @param startNanos what {@link #start()} returned
     */
    public void thrown(Throwable error, long startNanos) {
      if (HttpScope.current() != null) {
        return;
      }
      record(statusOf(error), startNanos);
    }

    private void record(int status, long startNanos) {
      route.record(metrics.callTenant(), status, System.nanoTime() - startNanos);
    }
  }

  /**
   * The status of a failure, through the configured mapper, never throwing.
   *
   * @param metrics the metrics whose mapper is used
   * @param error the failure, unwrapped from completion and execution exceptions first
   */
  public static int statusOf(LyssMetrics metrics, Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    try {
      int status = metrics.statusMapper().statusOf(cause);
      return status >= 100 && status <= 599 ? status : 500;
    } catch (RuntimeException e) {
      RecordingErrors.swallowed("status mapping", e);
      return 500;
    }
  }

  private int statusOf(Throwable error) {
    return statusOf(metrics, error);
  }
}
