package ai.lyss.logging;

import ai.lyss.logging.internal.AuditOverflow;
import ai.lyss.logging.internal.DropReporter;
import ai.lyss.logging.internal.EventQueue;
import ai.lyss.logging.internal.EventWriter;
import ai.lyss.logging.internal.HeldEvent;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Hands events to its attached appenders on one background thread, so a slow, full or blocked
 * output never blocks the threads that log.
 *
 * <p>Ordinary events wait in a bounded queue of {@link #setQueueSize queueSize}; when it is full
 * they are dropped and counted (per level, in the {@code lyss_logging_events_dropped_total} metric
 * when Micrometer is present, and in a WARNING line at most every {@link
 * #setDropReportIntervalMillis dropReportIntervalMillis}). AUDIT and SECURITY events also use
 * {@link #setAuditReserve auditReserve} extra slots that ordinary events cannot take. When those
 * are full too, the logging thread waits at most {@link #setMaxWaitMillis maxWaitMillis} (default
 * 10) for room; then the event is held without waiting for the output: folded into an identical
 * held event (same level, logger, message, tenant and fields; written once with {@code count},
 * {@code first_timestamp} and {@code last_timestamp}), held in memory (up to {@link #setHeldEvents
 * heldEvents} distinct events), or appended to a local {@link #setSpillFile spill file} (up to
 * {@link #setSpillMaxBytes spillMaxBytes}). While events are held, later AUDIT and SECURITY events
 * join them without waiting, and the writer writes them back in order once the output takes lines
 * again. An event that finds even the spill file full is lost: counted in {@code
 * lyss_logging_events_dropped_total{level="AUDIT"|"SECURITY"}} and reported in an ERROR line. The
 * OpenTelemetry span current on the logging thread is captured with the event.
 *
 * <p>The writer takes events in batches of up to {@value #MAX_BATCH}: after writing a batch that
 * emptied the queue it waits {@link #setLingerMillis lingerMillis} (default 1) so that events
 * accumulate and are written together, and a logging thread rarely has to wake the writer. Attached
 * {@link OutputStreamAppender}s are switched to {@code immediateFlush=false} and flushed once at
 * the end of every batch (with {@link LyssConsoleAppender}, one {@code write} system call per
 * batch), so a line reaches its output at most a batch later than it would have been alone. An
 * isolated event is written as soon as it arrives.
 */
public final class LyssAsyncAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {

  /** Most events the writer takes from the queue at once. */
  public static final int MAX_BATCH = 512;

  private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long WAIT_FOR_ROOM_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long HELD_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final AtomicInteger SPILL_FILES = new AtomicInteger();

  private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
  private int queueSize = 8192;
  private int auditReserve = 8192;
  private long dropReportIntervalMillis = 30_000;
  private long maxFlushTimeMillis = 5_000;
  private long lingerMillis = 1;
  private long maxWaitMillis = 10;
  private int heldEvents = 1024;
  private String spillFile = "";
  private long spillMaxBytes = 64L * 1024 * 1024;
  private boolean globalRegistryMetrics = true;
  private final AtomicInteger keptQueued = new AtomicInteger();
  private @Nullable AuditOverflow overflow;
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

  /**
   * Whether the drop counters ({@code ai.lyss.logging.micrometer.LoggingMetrics}) are bound to
   * Micrometer's global registry once the first event is written, when Micrometer is present;
   * default {@code true}. A framework that binds them to its own registry (the Spring Boot starter
   * does) turns this off: a registry joining the global composite after meters were registered
   * there makes Micrometer print a warning.
   *
   * @param bind whether to bind to {@code Metrics.globalRegistry}
   */
  public void setGlobalRegistryMetrics(boolean bind) {
    this.globalRegistryMetrics = bind;
  }

  /** Whether the drop counters are bound to Micrometer's global registry (default {@code true}). */
  public boolean isGlobalRegistryMetrics() {
    return globalRegistryMetrics;
  }

  /**
   * Longest time a logging thread waits for queue room for an AUDIT or SECURITY event before the
   * event is held instead (coalesced, in memory or in the spill file); default 10. While events are
   * held, no thread waits at all.
   *
   * @param millis 0 to 1000
   */
  public void setMaxWaitMillis(long millis) {
    this.maxWaitMillis = millis;
  }

  /**
   * Distinct AUDIT/SECURITY events held in memory while the output is blocked (each with the count
   * of identical events folded into it); default 1024. Beyond that, events go to the spill file.
   *
   * @param heldEvents 1 to 1000000
   */
  public void setHeldEvents(int heldEvents) {
    this.heldEvents = heldEvents;
  }

  /**
   * The spill file for AUDIT/SECURITY events while the output is blocked. Default empty: a file in
   * {@code java.io.tmpdir} named after the process, deleted when the appender stops. A path set
   * here is kept across restarts: events left in it are written first when the appender starts
   * again. Its directory must exist and be writable.
   *
   * @param path the file, or empty for the temporary default
   */
  public void setSpillFile(String path) {
    this.spillFile = path == null ? "" : path.trim();
  }

  /**
   * Most bytes the spill file may hold; default 67108864 (64 MiB), 0 for no spill file.
   *
   * @param bytes 0 or more
   */
  public void setSpillMaxBytes(long bytes) {
    this.spillMaxBytes = bytes;
  }

  /** AUDIT/SECURITY events lost since start because held events and spill file were full. */
  public long getLostAuditCount() {
    AuditOverflow held = overflow;
    return held == null ? 0 : held.lost();
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
    if (maxWaitMillis < 0 || maxWaitMillis > 1000) {
      throw invalid("maxWaitMillis must be between 0 and 1000 (was " + maxWaitMillis + ")");
    }
    if (heldEvents < 1 || heldEvents > 1_000_000) {
      throw invalid("heldEvents must be between 1 and 1000000 (was " + heldEvents + ")");
    }
    if (spillMaxBytes < 0) {
      throw invalid("spillMaxBytes must be 0 (no spill file) or more (was " + spillMaxBytes + ")");
    }
    AuditOverflow held = createOverflow();
    if (!appenders.iteratorForAppenders().hasNext()) {
      addWarn("LyssAsyncAppender has no attached appender: events go nowhere");
    }
    EventQueue q = new EventQueue(queueSize, auditReserve);
    queue = q;
    overflow = held;
    keptQueued.set(0);
    drops = new DropReporter(dropReportIntervalMillis);
    running = true;
    Thread thread = new Thread(this::drain, "lyss-log-writer-" + getName());
    thread.setDaemon(true);
    q.consumer(thread);
    worker = thread;
    thread.start();
    super.start();
  }

  private IllegalStateException invalid(String problem) {
    addError("LyssAsyncAppender: " + problem + "; fix the appender configuration");
    return new IllegalStateException("lyss-logging: LyssAsyncAppender " + problem);
  }

  private AuditOverflow createOverflow() {
    Path path = null;
    boolean temporary = spillFile.isEmpty();
    if (spillMaxBytes > 0) {
      if (temporary) {
        path =
            Path.of(
                System.getProperty("java.io.tmpdir"),
                "lyss-logging-"
                    + ProcessHandle.current().pid()
                    + "-"
                    + getName().replaceAll("[^A-Za-z0-9_.-]", "_")
                    + "-"
                    + SPILL_FILES.incrementAndGet()
                    + ".spill");
      } else {
        path = Path.of(spillFile).toAbsolutePath();
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
          throw invalid(
              "spillFile "
                  + path
                  + ": its directory does not exist or is not writable (set spillFile /"
                  + " LYSS_LOG_SPILL_FILE to a writable path, or spillMaxBytes=0 for none)");
        }
      }
    }
    try {
      return AuditOverflow.create(
          heldEvents, path, spillMaxBytes, temporary, dropReportIntervalMillis);
    } catch (IOException | RuntimeException e) {
      throw invalid("spillFile " + path + " cannot be read (" + e + ")");
    }
  }

  @Override
  protected void append(ILoggingEvent event) {
    EventQueue q = queue;
    DropReporter reporter = drops;
    AuditOverflow held = overflow;
    if (q == null || reporter == null || held == null) {
      return;
    }
    try {
      boolean mustKeep = EventWriter.isAuditOrSecurity(event);
      if (mustKeep && held.active()) {
        // Events are held because the output is blocked: join them, in order, without waiting.
        event.prepareForDeferredProcessing();
        held.add(event, TraceContext.currentIds());
        return;
      }
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
        if (mustKeep) {
          keptQueued.incrementAndGet();
        }
        q.add(item);
      } else {
        waitThenHold(q, held, event, item);
      }
    } catch (RuntimeException e) {
      addError("Could not queue a log event", e);
    }
  }

  /**
   * AUDIT and SECURITY only: wait at most {@code maxWaitMillis} for room, then hold the event.
   * Keeps (and restores) any interrupt.
   */
  private void waitThenHold(EventQueue q, AuditOverflow held, ILoggingEvent event, Object item) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
    try {
      long left;
      while (running && !held.active() && (left = deadline - System.nanoTime()) > 0) {
        LockSupport.parkNanos(Math.min(left, WAIT_FOR_ROOM_NANOS));
        if (Thread.interrupted()) {
          interrupted = true;
        }
        if (q.tryReserve(true)) {
          keptQueued.incrementAndGet();
          q.add(item);
          return;
        }
      }
      held.add(event, item instanceof Captured captured ? captured.ids() : null);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void drain() {
    EventQueue q = queue;
    DropReporter reporter = drops;
    AuditOverflow held = overflow;
    if (q == null || reporter == null || held == null) {
      return;
    }
    TraceContext.markWriterThread();
    LoggerContext loggerContext = (LoggerContext) getContext();
    long lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMillis);
    List<Object> batch = new ArrayList<>(MAX_BATCH);
    boolean metricsBound = !globalRegistryMetrics;
    while (running || !q.isEmpty() || held.active()) {
      try {
        int taken = q.drainTo(batch, MAX_BATCH);
        boolean any = taken > 0;
        for (Object item : batch) {
          deliver(item);
          if (isKept(item)) {
            keptQueued.decrementAndGet();
          }
        }
        batch.clear();
        if (held.active() && keptQueued.get() <= 0) {
          // Held events are younger than every AUDIT/SECURITY event still queued: write them now.
          for (ILoggingEvent back :
              held.take(MAX_BATCH, loggerContext.getLoggerContextRemoteView())) {
            deliver(back);
            any = true;
          }
        }
        if (!any) {
          q.awaitItems(held.active() ? HELD_POLL_NANOS : IDLE_WAIT_NANOS);
        } else {
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
        ILoggingEvent loss = held.reportIfDue(loggerContext, false);
        if (loss != null) {
          addError(loss.getFormattedMessage());
          deliver(loss);
          report = loss;
        }
        if (any || report != null) {
          flushOutputs();
          if (any && taken < MAX_BATCH && lingerNanos > 0 && running) {
            // Let events accumulate; logging threads do not wake a writer that is not waiting.
            // Not after a full batch: more are queued already, and a wait would only cap the rate
            // (512 lines per linger, less on a busy machine whose timers fire late).
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
    ILoggingEvent lastLoss = held.reportIfDue(loggerContext, true);
    if (lastLoss != null) {
      addError(lastLoss.getFormattedMessage());
      deliver(lastLoss);
    }
    flushOutputs();
  }

  private static boolean isKept(Object item) {
    return EventWriter.isAuditOrSecurity(
        item instanceof Captured captured ? captured.event() : (ILoggingEvent) item);
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
      } else if (item instanceof HeldEvent back && back.traceIds() != null) {
        TraceContext.runWith(back.traceIds(), () -> appenders.appendLoopOnAppenders(back));
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
      AuditOverflow held = overflow;
      if (thread.isAlive()) {
        EventQueue q = queue;
        addWarn(
            "LyssAsyncAppender: "
                + (q == null ? 0 : q.size())
                + " queued events"
                + (held == null ? "" : " and " + held.describe())
                + " were not written within maxFlushTimeMillis="
                + maxFlushTimeMillis);
      } else if (held != null) {
        held.close();
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
