package ai.lyss.logging.internal;

import ai.lyss.logging.LyssMarkers;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * Turns an event into the bytes of one spill-file record and back. Kept: timestamp, level, markers,
 * logger, thread, formatted message, MDC, key-value pairs (strings, numbers, booleans, maps and
 * lists; other values as their text), the captured trace ids and the error's type, message and
 * rendered stack trace.
 */
final class SpillCodec {

  private static final int MAX_DEPTH = 8;
  private static final byte NULL = 0;
  private static final byte TEXT = 1;
  private static final byte LONG = 2;
  private static final byte DOUBLE = 3;
  private static final byte BOOLEAN = 4;
  private static final byte DECIMAL = 5;
  private static final byte MAP = 6;
  private static final byte LIST = 7;

  private SpillCodec() {}

  static byte[] encode(ILoggingEvent event, String @Nullable [] ids) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeLong(event.getTimeStamp());
    out.writeInt(event.getLevel().toInt());
    text(out, event.getThreadName());
    text(out, event.getLoggerName());
    text(out, event.getFormattedMessage());
    List<Marker> markers = event.getMarkerList() == null ? List.of() : event.getMarkerList();
    out.writeInt(markers.size());
    for (Marker marker : markers) {
      // A marker that merely contains AUDIT/SECURITY is kept as that level marker.
      text(
          out,
          marker.contains(LyssMarkers.AUDIT)
              ? LyssMarkers.AUDIT.getName()
              : marker.contains(LyssMarkers.SECURITY)
                  ? LyssMarkers.SECURITY.getName()
                  : marker.getName());
    }
    Map<String, String> mdc = event.getMDCPropertyMap();
    out.writeInt(mdc == null ? 0 : mdc.size());
    if (mdc != null) {
      for (Map.Entry<String, String> entry : mdc.entrySet()) {
        text(out, entry.getKey());
        text(out, entry.getValue());
      }
    }
    List<KeyValuePair> pairs =
        event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
    out.writeInt(pairs.size());
    for (KeyValuePair pair : pairs) {
      text(out, pair.key);
      value(out, pair.value, 0);
    }
    out.writeBoolean(ids != null);
    if (ids != null) {
      text(out, ids[0]);
      text(out, ids[1]);
    }
    IThrowableProxy error = event.getThrowableProxy();
    out.writeBoolean(error != null);
    if (error != null) {
      text(out, error.getClassName());
      text(out, error.getMessage());
      String stack = StackTraces.renderSafely(error);
      text(out, stack);
    }
    out.flush();
    return bytes.toByteArray();
  }

  static HeldEvent decode(byte[] record, @Nullable LoggerContextVO context) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
    long timeStamp = in.readLong();
    Level level = Level.toLevel(in.readInt(), Level.INFO);
    String thread = orEmpty(text(in));
    String logger = orEmpty(text(in));
    String message = orEmpty(text(in));
    int markerCount = in.readInt();
    List<Marker> markers = new ArrayList<>(markerCount);
    for (int i = 0; i < markerCount; i++) {
      markers.add(marker(orEmpty(text(in))));
    }
    int mdcCount = in.readInt();
    Map<String, String> mdc = new LinkedHashMap<>();
    for (int i = 0; i < mdcCount; i++) {
      String key = orEmpty(text(in));
      String value = text(in);
      if (value != null) {
        mdc.put(key, value);
      }
    }
    int pairCount = in.readInt();
    List<KeyValuePair> pairs = new ArrayList<>(pairCount);
    for (int i = 0; i < pairCount; i++) {
      pairs.add(new KeyValuePair(orEmpty(text(in)), value(in)));
    }
    String[] ids = in.readBoolean() ? new String[] {orEmpty(text(in)), orEmpty(text(in))} : null;
    IThrowableProxy error = null;
    if (in.readBoolean()) {
      error = new SpilledError(orEmpty(text(in)), text(in), orEmpty(text(in)));
    }
    return new HeldEvent(
        thread, level, message, logger, context, error, markers, mdc, timeStamp, pairs, ids);
  }

  private static Marker marker(String name) {
    if (name.equals(LyssMarkers.AUDIT.getName())) {
      return LyssMarkers.AUDIT;
    }
    if (name.equals(LyssMarkers.SECURITY.getName())) {
      return LyssMarkers.SECURITY;
    }
    return MarkerFactory.getDetachedMarker(name);
  }

  private static void value(DataOutputStream out, @Nullable Object value, int depth)
      throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof String s) {
      out.writeByte(TEXT);
      text(out, s);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      out.writeByte(LONG);
      out.writeLong(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      out.writeByte(DOUBLE);
      out.writeDouble(((Number) value).doubleValue());
    } else if (value instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else if (value instanceof BigDecimal || value instanceof BigInteger) {
      out.writeByte(DECIMAL);
      text(out, value.toString());
    } else if (value instanceof Map<?, ?> map && depth < MAX_DEPTH) {
      out.writeByte(MAP);
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      out.writeInt(entries.size());
      for (Map.Entry<?, ?> entry : entries) {
        text(out, String.valueOf(entry.getKey()));
        value(out, entry.getValue(), depth + 1);
      }
    } else if (value instanceof Collection<?> collection && depth < MAX_DEPTH) {
      List<?> items = new ArrayList<>(collection);
      out.writeByte(LIST);
      out.writeInt(items.size());
      for (Object item : items) {
        value(out, item, depth + 1);
      }
    } else if (value.getClass().isArray() && depth < MAX_DEPTH) {
      int length = Array.getLength(value);
      out.writeByte(LIST);
      out.writeInt(length);
      for (int i = 0; i < length; i++) {
        value(out, Array.get(value, i), depth + 1);
      }
    } else {
      out.writeByte(TEXT);
      text(out, ValueWriter.safeToString(value));
    }
  }

  private static @Nullable Object value(DataInputStream in) throws IOException {
    byte type = in.readByte();
    switch (type) {
      case NULL:
        return null;
      case TEXT:
        return text(in);
      case LONG:
        return in.readLong();
      case DOUBLE:
        return in.readDouble();
      case BOOLEAN:
        return in.readBoolean();
      case DECIMAL:
        return new BigDecimal(orEmpty(text(in)));
      case MAP:
        {
          int n = in.readInt();
          Map<String, @Nullable Object> map = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            map.put(orEmpty(text(in)), value(in));
          }
          return map;
        }
      case LIST:
        {
          int n = in.readInt();
          List<@Nullable Object> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            list.add(value(in));
          }
          return list;
        }
      default:
        throw new IOException("unknown value type " + type + " in spill record");
    }
  }

  private static void text(DataOutputStream out, @Nullable String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static @Nullable String text(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] utf8 = new byte[length];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }
}
