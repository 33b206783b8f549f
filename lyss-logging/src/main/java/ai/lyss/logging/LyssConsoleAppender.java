package ai.lyss.logging;

import ai.lyss.logging.internal.LineBatchingOutputStream;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.io.OutputStream;

/**
 * A Logback {@link ConsoleAppender} that can write many lines with one system call.
 *
 * <p>Logback's console output reaches {@code System.out}, which writes and flushes every event on
 * its own: one {@code write(2)} per line. This appender keeps whole lines in a {@value
 * LineBatchingOutputStream#DEFAULT_CAPACITY}-byte buffer and writes them out on flush. With the
 * default {@code immediateFlush=true} it behaves exactly like {@code ConsoleAppender}; behind a
 * {@link LyssAsyncAppender} (as in {@code logback-lyss.xml}) the async writer turns {@code
 * immediateFlush} off and flushes once per batch of events, so lines still appear within about a
 * millisecond but a busy service pays one system call per batch rather than per line. Lines are
 * never split between two writes.
 */
public final class LyssConsoleAppender extends ConsoleAppender<ILoggingEvent> {

  /** Creates the appender; configure it like a {@link ConsoleAppender}. */
  public LyssConsoleAppender() {
    setName("LYSS_CONSOLE");
  }

  @Override
  public void setOutputStream(OutputStream outputStream) {
    super.setOutputStream(
        new LineBatchingOutputStream(outputStream, LineBatchingOutputStream.DEFAULT_CAPACITY));
  }
}
