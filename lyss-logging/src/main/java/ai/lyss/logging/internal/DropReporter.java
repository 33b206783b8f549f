package ai.lyss.logging.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * Counts the events one asynchronous appender dropped and, at most once per interval, builds the
 * WARNING event that reports them.
 */
public final class DropReporter {

  /** Logger name of the drop report. */
  public static final String LOGGER = "ai.lyss.logging.LyssAsyncAppender";

  /** Field of the drop report: events dropped since the previous report. */
  public static final String DROPPED_EVENTS = "dropped_events";

  /** Field of the drop report: events dropped by this appender since it started. */
  public static final String DROPPED_TOTAL = "dropped_total";

  private final LongAdder[] counts = DroppedEvents.newCounts();
  private final long intervalNanos;
  private long lastReportNanos = System.nanoTime();
  private long reportedTotal;

  /**
   * Creates a reporter.
   *
   * @param intervalMillis minimum time between two reports
   */
  public DropReporter(long intervalMillis) {
    this.intervalNanos = intervalMillis * 1_000_000L;
  }

  /**
   * Counts a dropped event, here and in {@link DroppedEvents}.
   *
   * @param event the event
   */
  public void dropped(ILoggingEvent event) {
    int index = DroppedEvents.indexOf(EventWriter.level(event));
    counts[index].increment();
    DroppedEvents.increment(index);
  }

  /** Drops by this appender since start. */
  public long total() {
    long sum = 0;
    for (LongAdder count : counts) {
      sum += count.sum();
    }
    return sum;
  }

  /**
   * The report event when there are unreported drops and the interval has passed (or {@code
   * force}), else {@code null}. Called only from the writer thread.
   *
   * @param context the logger context to create the event in
   * @param force report now regardless of the interval
   */
  public @Nullable ILoggingEvent reportIfDue(LoggerContext context, boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastReportNanos < intervalNanos) {
      return null;
    }
    lastReportNanos = now;
    long total = total();
    long since = total - reportedTotal;
    if (since <= 0) {
      return null;
    }
    reportedTotal = total;
    Logger logger = context.getLogger(LOGGER);
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.WARN,
            "Dropped "
                + since
                + " log events because the log output could not keep up (AUDIT and SECURITY"
                + " events are not among them: they are held and written later)",
            null,
            null);
    event.addKeyValuePair(new KeyValuePair(DROPPED_EVENTS, since));
    event.addKeyValuePair(new KeyValuePair(DROPPED_TOTAL, total));
    return event;
  }
}
