package ai.lyss.core.http;

import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Tells client-caused failures from server errors, for every HTTP stack alike. */
final class Failures {

  private static final int MAX_CAUSES = 16;
  private static final String JETTY_HTTP_EXCEPTION = "org.eclipse.jetty.http.HttpException";

  private Failures() {}

  /**
   * How a request whose handler threw ended.
   *
   * @param error what the handler threw
   * @param writeFailed whether writing the response to the client failed
   */
  static Outcome classify(Throwable error, boolean writeFailed) {
    if (writeFailed) {
      return Outcome.ABORTED;
    }
    Throwable t = error;
    for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
      String name = t.getClass().getName();
      if (name.endsWith(".ClientAbortException") || isConnectionGone(t)) {
        return Outcome.ABORTED; // Tomcat's name for it; a reset or broken pipe elsewhere
      }
      if (t instanceof EOFException) {
        return Outcome.CLIENT_ERROR; // the request body was cut short
      }
      int code = httpExceptionCode(t);
      if (code >= 400 && code < 500) {
        return Outcome.CLIENT_ERROR; // for example Jetty's "400: Early EOF" or "413"
      }
    }
    return Outcome.FAILED;
  }

  /** The 4xx status a client-caused failure carries, else 400. */
  static int clientStatus(Throwable error) {
    Throwable t = error;
    for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
      int code = httpExceptionCode(t);
      if (code >= 400 && code < 500) {
        return code;
      }
    }
    return 400;
  }

  private static boolean isConnectionGone(Throwable t) {
    if (!(t instanceof IOException)) {
      return false;
    }
    String message = t.getMessage();
    if (message == null) {
      return false;
    }
    String lower = message.toLowerCase(Locale.ROOT);
    return lower.contains("broken pipe") || lower.contains("connection reset");
  }

  /** The status code of a Jetty {@code HttpException} (such as BadMessageException), else -1. */
  private static int httpExceptionCode(Throwable t) {
    if (!implementsJettyHttpException(t.getClass())) {
      return -1;
    }
    try {
      Method getCode = t.getClass().getMethod("getCode");
      Object code = getCode.invoke(t);
      return code instanceof Integer value ? value : -1;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }

  private static boolean implementsJettyHttpException(@Nullable Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.getName().equals(JETTY_HTTP_EXCEPTION)) {
          return true;
        }
      }
      if (c.getEnclosingClass() != null
          && c.getEnclosingClass().getName().equals(JETTY_HTTP_EXCEPTION)) {
        return true;
      }
    }
    return false;
  }
}
