package ai.lyss.logging;

import ai.lyss.logging.internal.DropReporter;
import ai.lyss.logging.internal.EventQueue;
import ai.lyss.logging.internal.EventWriter;
import ai.lyss.logging.internal.MetricsHook;
import ai.lyss.logging.internal.TraceContext;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Hands events to its attached appenders on one background thread, so a slow, full or blocked
 * output never blocks the threads that log.
 *
 * <p>Ordinary events wait in a bounded queue of {@link #setQueueSize queueSize}; when it is full
 * they are dropped and counted (per level, in the {@code lyss_logging_events_dropped_total} metric
 * when Micrometer is present, and in a WARNING line at most every {@link
 * #setDropReportIntervalMillis dropReportIntervalMillis}). AUDIT and SECURITY events are never
 * dropped: they also use {@link #setAuditReserve auditReserve} extra slots that ordinary events
 * cannot take, and only when those are exhausted too does the logging thread wait for room. The
 * OpenTelemetry span current on the logging thread is captured with the event.
 *
 * <p>The writer takes events in batches of up to {@value #MAX_BATCH}: after writing a batch it
 * waits {@link #setLingerMillis lingerMillis} (default 1) so that, under load, events accumulate
 * and are written together, and a logging thread rarely has to wake the writer. Attached {@link
 * OutputStreamAppender}s are switched to {@code immediateFlush=false} and flushed once at the end
 * of every batch (with {@link LyssConsoleAppender}, one {@code write} system call per batch), so a
 * line reaches its output at most a batch later than it would have been alone. An isolated event is
 * written as soon as it arrives.
 */
public final class LyssAsyncAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {

  /** Most events the writer takes from the queue at once. */
  public static final int MAX_BATCH = 512;

  private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long WAIT_FOR_ROOM_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
  private int queueSize = 8192;
  private int auditReserve = 8192;
  private long dropReportIntervalMillis = 30_000;
  private long maxFlushTimeMillis = 5_000;
  private long lingerMillis = 1;
  private @Nullable EventQueue queue;
  private @Nullable DropReporter drops;
  private @Nullable Thread worker;
  private volatile boolean running;

  /** Creates an appender; attach appenders and {@link #start()} it. */
  public LyssAsyncAppender() {
    setName("LYSS_ASYNC");
  }

  /**
   * Capacity for ordinary events; default 8192.
   *
   * @param queueSize at least 1
   */
  public void setQueueSize(int queueSize) {
    this.queueSize = queueSize;
  }

  /**
   * Extra capacity only AUDIT and SECURITY events may use; default 8192.
   *
   * @param auditReserve at least 1
   */
  public void setAuditReserve(int auditReserve) {
    this.auditReserve = auditReserve;
  }

  /**
   * Minimum time between two drop-report WARNING lines; default 30000.
   *
   * @param millis at least 1
   */
  public void setDropReportIntervalMillis(long millis) {
    this.dropReportIntervalMillis = millis;
  }

  /**
   * How long {@link #stop()} waits for queued events to be written; default 5000.
   *
   * @param millis at least 0
   */
  public void setMaxFlushTimeMillis(long millis) {
    this.maxFlushTimeMillis = millis;
  }

  /**
   * How long the writer waits after a batch before taking the next one, so that events logged in
   * the meantime are written (and flushed) together; default 1, 0 for no wait.
   *
   * @param millis 0 to 1000
   */
  public void setLingerMillis(long millis) {
    this.lingerMillis = millis;
  }

  /** Events this appender dropped since it started (never AUDIT or SECURITY). */
  public long getDroppedCount() {
    DropReporter reporter = drops;
    return reporter == null ? 0 : reporter.total();
  }

  /** Events queued and not yet handed to the attached appenders. */
  public int getPendingCount() {
    EventQueue q = queue;
    return q == null ? 0 : q.size();
  }

  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    if (lingerMillis < 0 || lingerMillis > 1000) {
      addError(
          "LyssAsyncAppender: lingerMillis must be between 0 and 1000 (was "
              + lingerMillis
              + "); fix the appender configuration");
      throw new IllegalStateException(
          "lyss-logging: LyssAsyncAppender lingerMillis must be between 0 and 1000, was "
              + lingerMillis);
    }
    if (queueSize < 1 || auditReserve < 1 || dropReportIntervalMillis < 1) {
      addError(
          "LyssAsyncAppender: queueSize, auditReserve and dropReportIntervalMillis must be at"
              + " least 1 (were "
              + queueSize
              + ", "
              + auditReserve
              + ", "
              + dropReportIntervalMillis
              + "); fix the appender configuration");
      throw new IllegalStateException(
          "lyss-logging: LyssAsyncAppender queueSize, auditReserve and dropReportIntervalMillis"
              + " must be at least 1");
    }
    if (!appenders.iteratorForAppenders().hasNext()) {
      addWarn("LyssAsyncAppender has no attached appender: events go nowhere");
    }
    EventQueue q = new EventQueue(queueSize, auditReserve);
    queue = q;
    drops = new DropReporter(dropReportIntervalMillis);
    running = true;
    Thread thread = new Thread(this::drain, "lyss-log-writer-" + getName());
    thread.setDaemon(true);
    q.consumer(thread);
    worker = thread;
    thread.start();
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    EventQueue q = queue;
    DropReporter reporter = drops;
    if (q == null || reporter == null) {
      return;
    }
    try {
      boolean mustKeep = EventWriter.isAuditOrSecurity(event);
      boolean reserved = q.tryReserve(mustKeep);
      if (!reserved && !mustKeep) {
        reporter.dropped(event);
        return;
      }
      Object item;
      try {
        event.prepareForDeferredProcessing();
        String[] ids = TraceContext.currentIds();
        item = ids == null ? event : new Captured(event, ids);
      } catch (RuntimeException e) {
        if (reserved) {
          q.release();
        }
        throw e;
      }
      if (reserved) {
        q.add(item);
      } else {
        waitForRoom(q, item);
      }
    } catch (RuntimeException e) {
      addError("Could not queue a log event", e);
    }
  }

  /** AUDIT and SECURITY only: wait for the writer, keeping (and restoring) any interrupt. */
  private void waitForRoom(EventQueue q, Object item) {
    boolean interrupted = false;
    try {
      while (running) {
        if (q.tryReserve(true)) {
          q.add(item);
          return;
        }
        LockSupport.parkNanos(WAIT_FOR_ROOM_NANOS);
        if (Thread.interrupted()) {
          interrupted = true;
        }
      }
      addError("Appender stopped while an AUDIT/SECURITY event waited for room: event lost");
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void drain() {
    EventQueue q = queue;
    DropReporter reporter = drops;
    if (q == null || reporter == null) {
      return;
    }
    LoggerContext loggerContext = (LoggerContext) getContext();
    long lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMillis);
    List<Object> batch = new ArrayList<>(MAX_BATCH);
    boolean metricsBound = false;
    while (running || !q.isEmpty()) {
      try {
        boolean any = q.drainTo(batch, MAX_BATCH) > 0;
        if (!any) {
          q.awaitItems(IDLE_WAIT_NANOS);
        } else {
          for (Object item : batch) {
            deliver(item);
          }
          batch.clear();
          if (!metricsBound) {
            // Not in start(): Micrometer logs through SLF4J while its classes load, and during
            // Logback's own initialisation SLF4J would intercept that call and print a replay
            // warning to stderr. The first event is only written once initialisation is over.
            metricsBound = true;
            MetricsHook.bindGlobalRegistryOnce();
          }
        }
        ILoggingEvent report = reporter.reportIfDue(loggerContext, false);
        if (report != null) {
          deliver(report);
        }
        if (any || report != null) {
          flushOutputs();
          if (any && lingerNanos > 0 && running) {
            // Let events accumulate; logging threads do not wake a writer that is not waiting.
            LockSupport.parkNanos(lingerNanos);
          }
        }
      } catch (RuntimeException e) {
        batch.clear();
        addError("A log event could not be written", e);
      }
    }
    ILoggingEvent last = reporter.reportIfDue(loggerContext, true);
    if (last != null) {
      deliver(last);
    }
    flushOutputs();
  }

  private void flushOutputs() {
    Iterator<Appender<ILoggingEvent>> it = appenders.iteratorForAppenders();
    while (it.hasNext()) {
      if (it.next() instanceof OutputStreamAppender<ILoggingEvent> output
          && !output.isImmediateFlush()
          && output.isStarted()) {
        try {
          output.getOutputStream().flush();
        } catch (IOException | RuntimeException e) {
          addError("Could not flush appender " + output.getName(), e);
        }
      }
    }
  }

  private void deliver(Object item) {
    try {
      if (item instanceof Captured captured) {
        TraceContext.runWith(
            captured.ids(), () -> appenders.appendLoopOnAppenders(captured.event()));
      } else {
        appenders.appendLoopOnAppenders((ILoggingEvent) item);
      }
    } catch (RuntimeException e) {
      addError("A log event could not be written", e);
    }
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    running = false;
    Thread thread = worker;
    if (thread != null) {
      LockSupport.unpark(thread);
      try {
        thread.join(Math.max(1, maxFlushTimeMillis));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        EventQueue q = queue;
        addWarn(
            "LyssAsyncAppender: "
                + (q == null ? 0 : q.size())
                + " queued events were not written within maxFlushTimeMillis="
                + maxFlushTimeMillis);
      }
    }
    appenders.detachAndStopAllAppenders();
  }

  /**
   * Attaches an appender. An {@link OutputStreamAppender} is switched to {@code
   * immediateFlush=false}: this appender flushes it once per batch.
   */
  @Override
  public void addAppender(Appender<ILoggingEvent> appender) {
    if (appender instanceof OutputStreamAppender<ILoggingEvent> output) {
      output.setImmediateFlush(false);
    }
    appenders.addAppender(appender);
  }

  @Override
  public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
    return appenders.iteratorForAppenders();
  }

  @Override
  public @Nullable Appender<ILoggingEvent> getAppender(String name) {
    return appenders.getAppender(name);
  }

  @Override
  public boolean isAttached(Appender<ILoggingEvent> appender) {
    return appenders.isAttached(appender);
  }

  @Override
  public void detachAndStopAllAppenders() {
    appenders.detachAndStopAllAppenders();
  }

  @Override
  public boolean detachAppender(Appender<ILoggingEvent> appender) {
    return appenders.detachAppender(appender);
  }

  @Override
  public boolean detachAppender(String name) {
    return appenders.detachAppender(name);
  }

  private record Captured(ILoggingEvent event, String[] ids) {}
}
