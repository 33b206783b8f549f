package ai.lyss.logging.internal;

import static ai.lyss.logging.LogFields.REQUEST_ID;
import static ai.lyss.logging.LogFields.SPAN_ID;
import static ai.lyss.logging.LogFields.TRACE_ID;

import ai.lyss.logging.LogFields;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * Holds the AUDIT and SECURITY events that the queue could not take, without ever waiting for the
 * output: an event identical to one already held (same level, logger, message, tenant, fields and
 * error; request and trace ids may differ) only raises that one's {@code count} and {@code
 * last_timestamp}; a new distinct event is held in memory up to {@code maxDistinct}, and beyond
 * that appended to the spill file. An event that finds even the spill file full is lost, and
 * counted. The writer thread takes the held events back in order with {@link #take}.
 *
 * <p>An event identical to a held one is counted without a lock (the flood case: one client
 * repeating the same request); everything else synchronises on one lock, held for map updates and
 * local file appends only.
 */
public final class AuditOverflow {

  /** Field of a coalesced event: how many identical events it stands for. */
  public static final String COUNT = LogFields.COUNT;

  private final Object lock = new Object();
  private final int maxDistinct;
  private final @Nullable SpillFile spill;
  private final long reportIntervalNanos;
  private LinkedHashMap<Key, Aggregate> held = new LinkedHashMap<>();

  /** The same aggregates as {@link #held}, for lock-free lookups. */
  private final ConcurrentHashMap<Key, Aggregate> index = new ConcurrentHashMap<>();

  private volatile boolean active;
  private long lost;
  private long reportedLost;
  private long lastReportNanos;
  private @Nullable String lastSpillError;

  /**
   * An overflow store.
   *
   * @param maxDistinct distinct events held coalesced in memory
   * @param spill the spill file, or {@code null} for none
   * @param reportIntervalMillis minimum time between two loss reports
   */
  AuditOverflow(int maxDistinct, @Nullable SpillFile spill, long reportIntervalMillis) {
    this.maxDistinct = maxDistinct;
    this.spill = spill;
    this.reportIntervalNanos = reportIntervalMillis * 1_000_000L;
    // The first loss is reported as soon as the output takes lines; later ones once per interval.
    this.lastReportNanos = System.nanoTime() - reportIntervalNanos;
    this.active = spill != null && !spill.isEmpty();
  }

  /**
   * Creates the store, opening (and, when it holds records from an earlier run, reading back) the
   * spill file.
   *
   * @param maxDistinct distinct events held in memory, at least 1
   * @param spillPath the spill file, or {@code null} for none
   * @param spillMaxBytes most bytes of the spill file
   * @param temporary whether the spill file is deleted when the appender stops
   * @param reportIntervalMillis minimum time between two loss reports
   * @throws IOException when an existing spill file cannot be read
   */
  public static AuditOverflow create(
      int maxDistinct,
      java.nio.file.@Nullable Path spillPath,
      long spillMaxBytes,
      boolean temporary,
      long reportIntervalMillis)
      throws IOException {
    SpillFile spill =
        spillPath == null || spillMaxBytes <= 0
            ? null
            : new SpillFile(spillPath, spillMaxBytes, temporary);
    return new AuditOverflow(maxDistinct, spill, reportIntervalMillis);
  }

  /** Whether events are held: new AUDIT/SECURITY events must come here too, to keep their order. */
  public boolean active() {
    return active;
  }

  /**
   * Holds an event (already prepared for deferred processing); never waits for the output.
   *
   * @param event the AUDIT or SECURITY event
   * @param ids trace ids captured on the logging thread, or {@code null}
   */
  public void add(ILoggingEvent event, String @Nullable [] ids) {
    Key key = Key.of(event);
    Aggregate known = index.get(key);
    if (known != null && known.tryAdd(event.getTimeStamp())) {
      DroppedEvents.coalesced();
      return;
    }
    synchronized (lock) {
      active = true;
      Aggregate same = held.get(key);
      if (same != null && same.tryAdd(event.getTimeStamp())) {
        DroppedEvents.coalesced();
        return;
      }
      SpillFile file = spill;
      boolean spillFirst = file != null && !file.isEmpty();
      if (!spillFirst && held.size() < maxDistinct) {
        Aggregate aggregate = new Aggregate(event, ids);
        held.put(key, aggregate);
        index.put(key, aggregate);
        return;
      }
      if (file != null && spill(file, event, ids)) {
        DroppedEvents.spilled();
        return;
      }
      lost++;
      DroppedEvents.increment(DroppedEvents.indexOf(EventWriter.level(event)));
    }
  }

  private boolean spill(SpillFile file, ILoggingEvent event, String @Nullable [] ids) {
    try {
      return file.append(SpillCodec.encode(event, ids));
    } catch (IOException | RuntimeException e) {
      lastSpillError = e.toString();
      return false;
    }
  }

  /**
   * Writer thread: the next held events, oldest first (the coalesced ones, then the spill file's
   * records); empty when nothing is held, and then new events go to the queue again.
   *
   * @param max most events read back from the spill file at once
   * @param context the logger context
   */
  public List<ILoggingEvent> take(int max, @Nullable LoggerContextVO context) {
    synchronized (lock) {
      List<ILoggingEvent> events = new ArrayList<>();
      if (!held.isEmpty()) {
        index.clear();
        for (Aggregate aggregate : held.values()) {
          events.add(aggregate.toEvent(aggregate.seal()));
        }
        held = new LinkedHashMap<>();
      } else if (spill != null && !spill.isEmpty()) {
        try {
          events.addAll(spill.read(max, context));
        } catch (IOException | RuntimeException e) {
          lastSpillError = e.toString();
        }
      }
      if (held.isEmpty() && (spill == null || spill.isEmpty())) {
        active = false;
      }
      return events;
    }
  }

  /** AUDIT/SECURITY events lost because memory and spill file were both full. */
  public long lost() {
    synchronized (lock) {
      return lost;
    }
  }

  /**
   * The ERROR event that reports losses since the previous report, when there are any and the
   * interval has passed (or {@code force}); writer thread only.
   *
   * @param context the logger context
   * @param force report regardless of the interval
   */
  public @Nullable ILoggingEvent reportIfDue(LoggerContext context, boolean force) {
    long since;
    long total;
    String spillError;
    synchronized (lock) {
      long now = System.nanoTime();
      if (lost == reportedLost || (!force && now - lastReportNanos < reportIntervalNanos)) {
        return null;
      }
      lastReportNanos = now;
      since = lost - reportedLost;
      total = lost;
      reportedLost = lost;
      spillError = lastSpillError;
    }
    String where =
        spill == null
            ? "there is no spill file"
            : "the spill file "
                + spill.path()
                + " reached its limit of "
                + spill.maxBytes()
                + " bytes"
                + (spillError == null ? "" : " or failed (" + spillError + ")");
    Logger logger = context.getLogger(DropReporter.LOGGER);
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.ERROR,
            "Lost "
                + since
                + " AUDIT/SECURITY events: the log output was blocked, "
                + maxDistinct
                + " distinct events were held in memory and "
                + where,
            null,
            null);
    event.addKeyValuePair(new KeyValuePair(DropReporter.DROPPED_EVENTS, since));
    event.addKeyValuePair(new KeyValuePair(DropReporter.DROPPED_TOTAL, total));
    return event;
  }

  /** Closes the spill file (deleting a temporary one); events still in it stay there otherwise. */
  public void close() {
    synchronized (lock) {
      if (spill != null) {
        try {
          spill.close();
        } catch (IOException e) {
          lastSpillError = e.toString();
        }
      }
    }
  }

  /** Events held in memory and bytes in the spill file, for a stop warning. */
  public String describe() {
    synchronized (lock) {
      return held.size()
          + " coalesced AUDIT/SECURITY events in memory and "
          + (spill == null ? 0 : spill.pendingBytes())
          + " bytes in the spill file";
    }
  }

  /**
   * What makes two events the same: everything but time, thread and request/trace ids. A class with
   * a precomputed hash, not a record: the record's generated hashCode/equals took 40 % of a
   * flooding thread's time.
   */
  private static final class Key {
    private final String level;
    private final String logger;
    private final String message;
    private final Map<String, String> mdc;
    private final List<@Nullable Object> pairs;
    private final @Nullable String errorType;
    private final @Nullable String errorMessage;
    private final int hash;

    private Key(
        String level,
        String logger,
        String message,
        Map<String, String> mdc,
        List<@Nullable Object> pairs,
        @Nullable String errorType,
        @Nullable String errorMessage) {
      this.level = level;
      this.logger = logger;
      this.message = message;
      this.mdc = mdc;
      this.pairs = pairs;
      this.errorType = errorType;
      this.errorMessage = errorMessage;
      int h = level.hashCode();
      h = 31 * h + logger.hashCode();
      h = 31 * h + message.hashCode();
      h = 31 * h + mdc.hashCode();
      h = 31 * h + pairs.hashCode();
      h = 31 * h + Objects.hashCode(errorType);
      this.hash = 31 * h + Objects.hashCode(errorMessage);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Key that
          && hash == that.hash
          && message.equals(that.message)
          && level.equals(that.level)
          && logger.equals(that.logger)
          && pairs.equals(that.pairs)
          && mdc.equals(that.mdc)
          && Objects.equals(errorType, that.errorType)
          && Objects.equals(errorMessage, that.errorMessage);
    }

    static Key of(ILoggingEvent event) {
      Map<String, String> mdc = Map.of();
      Map<String, String> source = event.getMDCPropertyMap();
      if (source != null && !source.isEmpty()) {
        Map<String, String> kept = new TreeMap<>();
        source.forEach(
            (name, value) -> {
              if (!isRequestScoped(name)) {
                kept.put(name, value);
              }
            });
        mdc = kept;
      }
      List<@Nullable Object> pairs = List.of();
      List<KeyValuePair> kv = event.getKeyValuePairs();
      if (kv != null && !kv.isEmpty()) {
        pairs = new ArrayList<>(kv.size() * 2);
        for (KeyValuePair pair : kv) {
          if (!isRequestScoped(pair.key)) {
            // The values themselves: equal strings, numbers, maps and lists make equal events.
            pairs.add(pair.key);
            pairs.add(pair.value);
          }
        }
      }
      IThrowableProxy error = event.getThrowableProxy();
      return new Key(
          EventWriter.level(event),
          String.valueOf(event.getLoggerName()),
          String.valueOf(event.getFormattedMessage()),
          mdc,
          pairs,
          error == null ? null : error.getClassName(),
          error == null ? null : error.getMessage());
    }

    private static boolean isRequestScoped(@Nullable String name) {
      return REQUEST_ID.equals(name) || TRACE_ID.equals(name) || SPAN_ID.equals(name);
    }
  }

  /**
   * The first of a run of identical events, with the run's size and last time. The writer seals it
   * when it takes it: a thread that finds it sealed holds its event anew, so the count is exact.
   */
  private static final class Aggregate {
    private static final long SEALED = -1;

    final ILoggingEvent first;
    final String @Nullable [] ids;
    private final AtomicLong count = new AtomicLong(1);
    private final AtomicLong last;

    Aggregate(ILoggingEvent first, String @Nullable [] ids) {
      this.first = first;
      this.ids = ids;
      this.last = new AtomicLong(first.getTimeStamp());
    }

    /** Counts one more identical event, unless the writer has taken this one already. */
    boolean tryAdd(long timeStamp) {
      // The time first: a sealed aggregate's last time may include an event counted elsewhere
      // (the same millisecond, at most a hair later), but never miss one it counts.
      last.accumulateAndGet(timeStamp, Math::max);
      long n;
      do {
        n = count.get();
        if (n == SEALED) {
          return false;
        }
      } while (!count.compareAndSet(n, n + 1));
      return true;
    }

    /** Stops counting; returns the final count. */
    long seal() {
      return count.getAndSet(SEALED);
    }

    ILoggingEvent toEvent(long count) {
      long last = this.last.get();
      List<KeyValuePair> pairs = new ArrayList<>();
      if (count > 1) {
        pairs.add(new KeyValuePair(LogFields.COUNT, count));
        pairs.add(
            new KeyValuePair(LogFields.FIRST_TIMESTAMP, Timestamps.format(first.getTimeStamp())));
        pairs.add(new KeyValuePair(LogFields.LAST_TIMESTAMP, Timestamps.format(last)));
      }
      List<KeyValuePair> own = first.getKeyValuePairs();
      if (own != null) {
        pairs.addAll(own);
      }
      return new HeldEvent(
          String.valueOf(first.getThreadName()),
          first.getLevel(),
          String.valueOf(first.getFormattedMessage()),
          String.valueOf(first.getLoggerName()),
          first.getLoggerContextVO(),
          first.getThrowableProxy(),
          first.getMarkerList() == null ? List.of() : first.getMarkerList(),
          first.getMDCPropertyMap() == null ? Map.of() : first.getMDCPropertyMap(),
          first.getTimeStamp(),
          pairs,
          ids);
    }
  }
}
