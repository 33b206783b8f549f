package ai.lyss.logging.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * An AUDIT or SECURITY event held back while the output was blocked: a coalesced event (the first
 * of several identical events, with their {@code count}, {@code first_timestamp} and {@code
 * last_timestamp} added as key-value pairs), or an event read back from the spill file. Immutable;
 * it carries the trace ids captured on the thread that logged it.
 */
public final class HeldEvent implements ILoggingEvent {

  private final String threadName;
  private final Level level;
  private final String message;
  private final String loggerName;
  private final @Nullable LoggerContextVO loggerContext;
  private final @Nullable IThrowableProxy error;
  private final List<Marker> markers;
  private final Map<String, String> mdc;
  private final long timeStamp;
  private final List<KeyValuePair> pairs;
  private final String @Nullable [] traceIds;

  HeldEvent(
      String threadName,
      Level level,
      String message,
      String loggerName,
      @Nullable LoggerContextVO loggerContext,
      @Nullable IThrowableProxy error,
      List<Marker> markers,
      Map<String, String> mdc,
      long timeStamp,
      List<KeyValuePair> pairs,
      String @Nullable [] traceIds) {
    this.threadName = threadName;
    this.level = level;
    this.message = message;
    this.loggerName = loggerName;
    this.loggerContext = loggerContext;
    this.error = error;
    this.markers = List.copyOf(markers);
    this.mdc = Collections.unmodifiableMap(new LinkedHashMap<>(mdc));
    this.timeStamp = timeStamp;
    this.pairs = List.copyOf(pairs);
    this.traceIds = traceIds;
  }

  /** Trace id and span id captured when the event was logged, or {@code null}. */
  public String @Nullable [] traceIds() {
    return traceIds;
  }

  @Override
  public String getThreadName() {
    return threadName;
  }

  @Override
  public Level getLevel() {
    return level;
  }

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public Object @Nullable [] getArgumentArray() {
    return null;
  }

  @Override
  public String getFormattedMessage() {
    return message;
  }

  @Override
  public String getLoggerName() {
    return loggerName;
  }

  @Override
  public @Nullable LoggerContextVO getLoggerContextVO() {
    return loggerContext;
  }

  @Override
  public @Nullable IThrowableProxy getThrowableProxy() {
    return error;
  }

  @Override
  public StackTraceElement[] getCallerData() {
    return new StackTraceElement[0];
  }

  @Override
  public boolean hasCallerData() {
    return false;
  }

  @Override
  public List<Marker> getMarkerList() {
    return markers;
  }

  @Override
  public Map<String, String> getMDCPropertyMap() {
    return mdc;
  }

  @Override
  @SuppressWarnings("deprecation")
  public Map<String, String> getMdc() {
    return mdc;
  }

  @Override
  public long getTimeStamp() {
    return timeStamp;
  }

  @Override
  public int getNanoseconds() {
    return -1;
  }

  @Override
  public long getSequenceNumber() {
    return 0;
  }

  @Override
  public List<KeyValuePair> getKeyValuePairs() {
    return pairs;
  }

  @Override
  public void prepareForDeferredProcessing() {
    // Already a snapshot.
  }
}
