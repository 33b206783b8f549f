package ai.lyss.logging.internal;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Renders a stack trace like {@code Throwable.printStackTrace}, but with at most {@value
 * #MAX_FRAMES} frames per throwable, so that the causes (usually the useful part) survive the
 * length cap.
 */
final class StackTraces {

  private static final int MAX_FRAMES = 24;
  private static final int MAX_CAUSES = 10;

  private StackTraces() {}

  /**
   * The stack trace of a live event or of one read back from the spill file; a proxy that fails to
   * render gives a one-line stand-in instead of an exception.
   */
  static String renderSafely(IThrowableProxy error) {
    try {
      return error instanceof SpilledError spilled ? spilled.stackTrace() : render(error);
    } catch (RuntimeException e) {
      return error.getClassName() + ": <stack trace unavailable>";
    }
  }

  static String render(IThrowableProxy error) {
    StringBuilder out = new StringBuilder(2048);
    Map<IThrowableProxy, Boolean> seen = new IdentityHashMap<>();
    append(out, error, "", "", seen, 0);
    return out.toString();
  }

  private static void append(
      StringBuilder out,
      IThrowableProxy error,
      String caption,
      String indent,
      Map<IThrowableProxy, Boolean> seen,
      int depth) {
    if (seen.put(error, Boolean.TRUE) != null || depth > MAX_CAUSES) {
      out.append(indent).append(caption).append("[CIRCULAR OR TOO DEEP: ");
      out.append(error.getClassName()).append("]\n");
      return;
    }
    out.append(indent).append(caption).append(error.getClassName());
    String message = error.getMessage();
    if (message != null) {
      out.append(": ").append(message);
    }
    out.append('\n');
    StackTraceElementProxy[] frames = error.getStackTraceElementProxyArray();
    int own = frames == null ? 0 : Math.max(0, frames.length - error.getCommonFrames());
    int shown = Math.min(own, MAX_FRAMES);
    for (int i = 0; i < shown; i++) {
      out.append(indent).append("\tat ").append(frames[i].getStackTraceElement()).append('\n');
    }
    int omitted = own - shown + error.getCommonFrames();
    if (omitted > 0) {
      out.append(indent).append("\t... ").append(omitted).append(" more\n");
    }
    IThrowableProxy[] suppressed = error.getSuppressed();
    if (suppressed != null) {
      for (IThrowableProxy s : suppressed) {
        append(out, s, "Suppressed: ", indent + "\t", seen, depth + 1);
      }
    }
    IThrowableProxy cause = error.getCause();
    if (cause != null) {
      append(out, cause, "Caused by: ", indent, seen, depth + 1);
    }
  }
}
