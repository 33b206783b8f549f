package ai.lyss.tracing.internal;

import org.jspecify.annotations.Nullable;

/**
 * lyss-tracing's own messages: through SLF4J when the service has it (so they land in the JSON log
 * with everything else), else through {@link System.Logger}. SLF4J is an optional dependency of
 * this module, so its classes are touched only after checking they are present.
 */
public final class TracingLog {

  private static final boolean SLF4J = slf4jPresent();

  private final String name;

  private TracingLog(String name) {
    this.name = name;
  }

  /**
   * The log of a class.
   *
   * @param owner the class whose name the messages carry
   */
  public static TracingLog of(Class<?> owner) {
    return new TracingLog(owner.getName());
  }

  /**
   * An INFO message.
   *
   * @param message the text
   */
  public void info(String message) {
    if (SLF4J) {
      Slf4j.info(name, message);
    } else {
      System.getLogger(name).log(System.Logger.Level.INFO, message);
    }
  }

  /**
   * A WARNING message, with the exception's stack trace when one is given.
   *
   * @param message the text
   * @param error the cause, or {@code null}
   */
  public void warn(String message, @Nullable Throwable error) {
    if (SLF4J) {
      Slf4j.warn(name, message, error);
    } else {
      System.getLogger(name).log(System.Logger.Level.WARNING, message, error);
    }
  }

  private static boolean slf4jPresent() {
    try {
      Class.forName("org.slf4j.LoggerFactory", false, TracingLog.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Loaded only when SLF4J is on the class path. */
  private static final class Slf4j {
    static void info(String name, String message) {
      org.slf4j.LoggerFactory.getLogger(name).info(message);
    }

    static void warn(String name, String message, @Nullable Throwable error) {
      org.slf4j.LoggerFactory.getLogger(name).warn(message, error);
    }
  }
}
