package ai.lyss.logging.internal;

import static ai.lyss.logging.LogFields.*;

import ai.lyss.core.TenantResolver;
import ai.lyss.logging.LogFields;
import ai.lyss.logging.LyssMarkers;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;

/**
 * Writes one logging event as the fields of a JSON object in the schema order of design.md §3. It
 * never writes a name twice and never fails on a value: see {@link ValueWriter}.
 */
public final class EventWriter {

  /** How much of an event to write; the encoder falls back to smaller tiers on oversize lines. */
  public enum Tier {
    /** Everything, each value within its cap. */
    FULL(1, true, true),
    /** No event fields, short message and stack trace, {@code "truncated":true}. */
    REDUCED(4, false, true),
    /** Core and context fields, a very short message and the error type only. */
    BARE(20, false, false);

    final int divisor;
    final boolean fields;
    final boolean stackTrace;

    Tier(int divisor, boolean fields, boolean stackTrace) {
      this.divisor = divisor;
      this.fields = fields;
      this.stackTrace = stackTrace;
    }
  }

  /** Field written by the reduced tiers to say that content was left out. */
  public static final String TRUNCATED = "truncated";

  private static final int MAX_NAME_CHARS = 256;
  private static final int MAX_CONTEXT_CHARS = 256;

  /** Sentinel in the context array: the trace and span ids came from the current span. */
  private static final String SPAN_IDS = new String("span");

  // Each a pre-encoded SerializableString when Encoded.of could, else the String.
  private final Object service;
  private final Object version;
  private final @Nullable Object environment;
  private final Redactor redactor;
  private final int maxMessageChars;
  private final int maxStackTraceChars;
  private final ValueWriter values;

  /**
   * Creates a writer.
   *
   * @param service service name
   * @param version service version
   * @param environment deployment environment, omitted when {@code null}
   * @param redactor the redaction rules
   * @param maxMessageChars cap of the message
   * @param maxValueChars cap of each string value
   * @param maxStackTraceChars cap of the stack trace
   */
  public EventWriter(
      String service,
      String version,
      @Nullable String environment,
      Redactor redactor,
      int maxMessageChars,
      int maxValueChars,
      int maxStackTraceChars) {
    this.service = Encoded.of(Texts.cap(service, MAX_NAME_CHARS));
    this.version = Encoded.of(Texts.cap(version, MAX_NAME_CHARS));
    this.environment =
        environment == null ? null : Encoded.of(Texts.cap(environment, MAX_NAME_CHARS));
    this.redactor = redactor;
    this.maxMessageChars = maxMessageChars;
    this.maxStackTraceChars = maxStackTraceChars;
    this.values = new ValueWriter(redactor, maxValueChars);
  }

  /**
   * Writes the fields of {@code event} into the currently open JSON object.
   *
   * @param g generator positioned inside an object
   * @param event the event
   * @param tier how much to write
   */
  public void write(JsonGenerator g, ILoggingEvent event, Tier tier) {
    g.writeName(Encoded.TIMESTAMP);
    g.writeString(Timestamps.format(event.getTimeStamp()));
    g.writeName(Encoded.LEVEL);
    g.writeString(Encoded.level(level(event)));
    g.writeName(Encoded.SERVICE);
    writeConstant(g, service);
    g.writeName(Encoded.VERSION);
    writeConstant(g, version);
    if (environment != null) {
      g.writeName(Encoded.ENVIRONMENT);
      writeConstant(g, environment);
    }
    List<Marker> markers = event.getMarkerList();
    RequestLineMarker line = RequestLineMarker.in(markers);
    g.writeName(Encoded.MESSAGE);
    int messageCap = maxMessageChars / tier.divisor;
    SerializableString lineMessage = line == null ? null : Encoded.requestLineMessage(event);
    if (lineMessage != null && lineMessage.charLength() <= messageCap) {
      // One of RequestLog's constant messages: pre-encoded, nothing to redact.
      g.writeString(lineMessage);
    } else {
      g.writeString(values.text(message(event), messageCap));
    }
    g.writeName(Encoded.LOGGER);
    g.writeString(Texts.cap(String.valueOf(event.getLoggerName()), MAX_NAME_CHARS));
    g.writeName(Encoded.THREAD);
    g.writeString(Texts.cap(String.valueOf(event.getThreadName()), MAX_NAME_CHARS));

    // Reserved names need no entry: writeField renames a caller's key that is one of them.
    Names names = new Names();
    Map<String, String> mdc = event.getMDCPropertyMap();
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    String[] context = contextValues(mdc, pairs);
    int own = ownContext(context, line);
    for (int i = 0; i < CONTEXT.size(); i++) {
      String value = context[i];
      if (value != null) {
        names.add(CONTEXT.get(i));
        g.writeName(Encoded.CONTEXT[i]);
        g.writeString(
            (own & (1 << i)) != 0
                ? Texts.cap(value, MAX_CONTEXT_CHARS)
                : values.text(value, MAX_CONTEXT_CHARS));
      }
    }
    if (tier.fields) {
      writeEventFields(g, names, mdc, pairs, context);
    } else {
      g.writeBooleanProperty(TRUNCATED, true);
    }
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      writeError(g, error, tier);
    }
  }

  private void writeEventFields(
      JsonGenerator g,
      Names names,
      @Nullable Map<String, String> mdc,
      @Nullable List<KeyValuePair> pairs,
      @Nullable String[] context) {
    if (mdc != null && !mdc.isEmpty()) {
      for (Map.Entry<String, String> entry : mdc.entrySet()) {
        if (contextIndex(entry.getKey()) < 0) {
          writeField(g, names, entry.getKey(), entry.getValue());
        }
      }
    }
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        String key = String.valueOf(pair.key);
        int contextIndex = contextIndex(key);
        if (contextIndex >= 0
            && (pair.value == null || Objects.equals(context[contextIndex], textOf(pair.value)))) {
          continue; // already written as the context field
        }
        writeField(g, names, key, pair.value);
      }
    }
  }

  private void writeField(JsonGenerator g, Names names, String key, @Nullable Object value) {
    String base = key.isEmpty() ? RENAMED_PREFIX : Texts.cap(key, 128);
    if (isReserved(base)) {
      base = RENAMED_PREFIX + base;
    }
    g.writeName(names.claim(base));
    if (value != null && redactor.isSensitiveKey(key)) {
      g.writeString(Redactor.MASK);
    } else {
      values.write(g, value, 0);
    }
  }

  /** Writes a per-writer constant (service, version, environment), pre-encoded when it can be. */
  private static void writeConstant(JsonGenerator g, Object value) {
    if (value instanceof SerializableString encoded) {
      g.writeString(encoded);
    } else {
      g.writeString((String) value);
    }
  }

  /**
   * The index of {@code key} in {@link LogFields#CONTEXT}, or -1: a string switch (hash, then one
   * {@code equals}) instead of {@code List.indexOf}, which compared every key with each name and
   * cost 10 % of the writer.
   */
  static int contextIndex(@Nullable String key) {
    if (key == null) {
      return -1;
    }
    switch (key) {
      case REQUEST_ID:
        return 0;
      case TENANT_ID:
        return 1;
      case TRACE_ID:
        return 2;
      case SPAN_ID:
        return 3;
      default:
        return -1;
    }
  }

  /**
   * Whether a caller's key must be renamed: one of {@link LogFields#RESERVED} or {@code truncated}.
   */
  static boolean isReserved(String key) {
    switch (key) {
      case TIMESTAMP:
      case LEVEL:
      case SERVICE:
      case VERSION:
      case ENVIRONMENT:
      case MESSAGE:
      case LOGGER:
      case THREAD:
      case ERROR:
      case TRUNCATED:
        return true;
      default:
        return false;
    }
  }

  /** Context values in {@link LogFields#CONTEXT} order: key-value pair, else MDC, else span. */
  private static @Nullable String[] contextValues(
      @Nullable Map<String, String> mdc, @Nullable List<KeyValuePair> pairs) {
    // One slot past the context values says where the trace ids came from (see ownContext).
    @Nullable String[] context = new String[CONTEXT.size() + 1];
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        int index = contextIndex(String.valueOf(pair.key));
        if (index >= 0 && context[index] == null && pair.value != null) {
          context[index] = textOf(pair.value);
        }
      }
    }
    if (mdc != null && !mdc.isEmpty()) {
      for (int i = 0; i < CONTEXT.size(); i++) {
        if (context[i] == null) {
          context[i] = mdc.get(CONTEXT.get(i));
        }
      }
    }
    if (context[2] == null && context[3] == null) {
      String[] ids = TraceContext.currentIds();
      if (ids != null) {
        context[2] = ids[0];
        context[3] = ids[1];
        context[CONTEXT.size()] = SPAN_IDS; // from the span, not the MDC or a field
      }
    }
    return context;
  }

  /**
   * Which context values the library produced, as bits by {@link LogFields#CONTEXT} index: they are
   * written without the redaction scan. Trace and span ids read from the OpenTelemetry span (hex
   * the SDK validated), the request id a request line's marker vouches for (generated, not sent by
   * a client) and the {@code unknown} tenant. A value a client sent or the application put in the
   * MDC or a field is redacted as usual.
   */
  private static int ownContext(@Nullable String[] context, @Nullable RequestLineMarker line) {
    int own = 0;
    if (line != null && line.vouchesFor(context[0])) {
      own |= 1;
    }
    if (TenantResolver.UNKNOWN_TENANT.equals(context[1])) {
      own |= 1 << 1;
    }
    if (context[CONTEXT.size()] == SPAN_IDS) {
      own |= (1 << 2) | (1 << 3);
    }
    return own;
  }

  private static String textOf(Object value) {
    return ValueWriter.safeToString(value);
  }

  private void writeError(JsonGenerator g, IThrowableProxy error, Tier tier) {
    g.writeName(ERROR);
    g.writeStartObject();
    g.writeStringProperty(ERROR_TYPE, Texts.cap(String.valueOf(error.getClassName()), 512));
    g.writeStringProperty(ERROR_MESSAGE, values.text(error.getMessage(), 2048 / tier.divisor));
    if (tier.stackTrace) {
      String stack = StackTraces.renderSafely(error);
      g.writeStringProperty(
          ERROR_STACK_TRACE, values.text(stack, maxStackTraceChars / tier.divisor));
    }
    g.writeEndObject();
  }

  private static String message(ILoggingEvent event) {
    try {
      String message = event.getFormattedMessage();
      return message == null ? "" : message;
    } catch (RuntimeException e) {
      return "<message formatting failed: " + e.getClass().getName() + ">";
    }
  }

  /** The schema level: AUDIT / SECURITY by marker, else DEBUG, INFO, WARNING or ERROR. */
  static String level(ILoggingEvent event) {
    List<Marker> markers = event.getMarkerList();
    if (markers != null) {
      for (Marker marker : markers) {
        if (marker.contains(LyssMarkers.AUDIT)) {
          return "AUDIT";
        }
        if (marker.contains(LyssMarkers.SECURITY)) {
          return "SECURITY";
        }
      }
    }
    int level = event.getLevel().toInt();
    if (level >= Level.ERROR_INT) {
      return "ERROR";
    }
    if (level >= Level.WARN_INT) {
      return "WARNING";
    }
    return level >= Level.INFO_INT ? "INFO" : "DEBUG";
  }

  /** Whether an event must never be dropped: it carries the audit or security marker. */
  public static boolean isAuditOrSecurity(ILoggingEvent event) {
    List<Marker> markers = event.getMarkerList();
    if (markers == null) {
      return false;
    }
    for (Marker marker : markers) {
      if (marker.contains(LyssMarkers.AUDIT) || marker.contains(LyssMarkers.SECURITY)) {
        return true;
      }
    }
    return false;
  }
}
