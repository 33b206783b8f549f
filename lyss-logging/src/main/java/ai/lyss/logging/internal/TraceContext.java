package ai.lyss.logging.internal;

import org.jspecify.annotations.Nullable;

/**
 * Reads the current OpenTelemetry span when opentelemetry-api is on the classpath; otherwise every
 * method returns {@code null} without loading any OpenTelemetry class.
 */
public final class TraceContext {

  private static final boolean AVAILABLE = present();

  /**
   * Ids captured on the thread that logged the event, installed by the asynchronous appender's
   * writer thread while it encodes that event (the writer thread has no span of its own).
   */
  private static final ThreadLocal<String @Nullable []> CAPTURED = new ThreadLocal<>();

  private TraceContext() {}

  /**
   * The trace id and span id of the span current on this thread, or {@code null} when there is none
   * (or OpenTelemetry is absent).
   */
  public static String @Nullable [] currentIds() {
    if (!AVAILABLE) {
      return null;
    }
    String[] captured = CAPTURED.get();
    if (captured != null) {
      return captured;
    }
    try {
      return OtelSpans.currentIds();
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /**
   * Runs {@code action} with {@code ids} standing in for the current span.
   *
   * @param ids trace id and span id captured on the logging thread
   * @param action what to run
   */
  public static void runWith(String[] ids, Runnable action) {
    CAPTURED.set(ids);
    try {
      action.run();
    } finally {
      CAPTURED.remove();
    }
  }

  private static boolean present() {
    try {
      Class.forName("io.opentelemetry.api.trace.Span", false, TraceContext.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
