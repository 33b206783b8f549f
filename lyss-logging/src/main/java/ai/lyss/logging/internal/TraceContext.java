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

  /** Installed on a writer thread between events: "no span", without asking OpenTelemetry. */
  private static final String[] NONE = new String[0];

  private TraceContext() {}

  /**
   * Marks the calling thread (an asynchronous appender's writer) as one that never has a span of
   * its own: events without captured ids are written without asking OpenTelemetry for the current
   * span, which cost 6 % of the writer's time.
   */
  public static void markWriterThread() {
    if (AVAILABLE) {
      CAPTURED.set(NONE);
    }
  }

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
      return captured == NONE ? null : captured;
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
    String[] previous = CAPTURED.get();
    CAPTURED.set(ids);
    try {
      action.run();
    } finally {
      if (previous == null) {
        CAPTURED.remove();
      } else {
        CAPTURED.set(previous);
      }
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
