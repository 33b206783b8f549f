package ai.lyss.logging.internal;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.jspecify.annotations.Nullable;

/**
 * The error of an event read back from the spill file: its type, message and the stack trace as
 * rendered when it was spilled (the frames themselves are not kept).
 */
final class SpilledError implements IThrowableProxy {

  private final String className;
  private final @Nullable String message;
  private final String stackTrace;

  SpilledError(String className, @Nullable String message, String stackTrace) {
    this.className = className;
    this.message = message;
    this.stackTrace = stackTrace;
  }

  /** The stack trace rendered when the event was spilled. */
  String stackTrace() {
    return stackTrace;
  }

  @Override
  public @Nullable String getMessage() {
    return message;
  }

  @Override
  public String getClassName() {
    return className;
  }

  @Override
  public StackTraceElementProxy[] getStackTraceElementProxyArray() {
    return new StackTraceElementProxy[0];
  }

  @Override
  public int getCommonFrames() {
    return 0;
  }

  @Override
  public @Nullable IThrowableProxy getCause() {
    return null;
  }

  @Override
  public IThrowableProxy[] getSuppressed() {
    return new IThrowableProxy[0];
  }

  @Override
  public boolean isCyclic() {
    return false;
  }
}
