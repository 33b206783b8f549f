package ai.lyss.logging.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.NumberOutput;

/**
 * Writes an arbitrary field value as JSON without ever failing the event: strings, numbers and
 * booleans as themselves, maps and collections (bounded in size and depth) as objects and arrays,
 * anything else through {@code toString()}; a value that cannot be rendered becomes a placeholder.
 */
final class ValueWriter {

  private static final int MAX_DEPTH = 4;
  private static final int MAX_ELEMENTS = 64;

  private final Redactor redactor;
  private final int maxChars;

  ValueWriter(Redactor redactor, int maxChars) {
    this.redactor = redactor;
    this.maxChars = maxChars;
  }

  /** Redacts and caps free text. */
  String text(@Nullable String value, int max) {
    if (value == null) {
      return "";
    }
    // Cap before redacting so a 1 MB value costs a bounded amount of regex work; a secret cut
    // in half by the cap is still matched by the prefix rules.
    String capped = value.length() > max * 2 ? value.substring(0, max * 2) : value;
    return Texts.cap(redactor.redact(capped), max);
  }

  void write(JsonGenerator g, @Nullable Object value, int depth) {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(text(s, maxChars));
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof AtomicInteger
        || value instanceof AtomicLong) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        // Jackson's shortest-representation writer: Double.toString cost 8 % of the log writer.
        g.writeNumber(
            value instanceof Float f
                ? NumberOutput.toString(f, true)
                : NumberOutput.toString(d, true));
      } else {
        g.writeString(Double.toString(d));
      }
    } else if (value instanceof BigDecimal b) {
      g.writeNumber(b);
    } else if (value instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Map<?, ?> map && depth < MAX_DEPTH) {
      writeMap(g, map, depth);
    } else if (value instanceof Collection<?> collection && depth < MAX_DEPTH) {
      writeArray(g, collection, depth);
    } else if (value.getClass().isArray() && depth < MAX_DEPTH) {
      writeArray(g, value, depth);
    } else {
      g.writeString(text(safeToString(value), maxChars));
    }
  }

  private void writeMap(JsonGenerator g, Map<?, ?> map, int depth) {
    g.writeStartObject();
    Names names = new Names();
    int count = 0;
    try {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (++count > MAX_ELEMENTS) {
          g.writeName(names.claim("..."));
          g.writeString("[" + (map.size() - MAX_ELEMENTS) + " more entries]");
          break;
        }
        String key = Texts.cap(safeToString(entry.getKey()), 128);
        Object element =
            entry.getValue(); // read before the name, so a throw leaves no dangling name
        g.writeName(names.claim(key));
        if (element != null && redactor.isSensitiveKey(key)) {
          g.writeString(Redactor.MASK);
        } else {
          write(g, element, depth + 1);
        }
      }
    } catch (RuntimeException e) {
      // Concurrent modification or a throwing map: keep what was written, stay valid JSON.
      g.writeName(names.claim("unserializable"));
      g.writeString(placeholder(map, e));
    }
    g.writeEndObject();
  }

  private void writeArray(JsonGenerator g, Object values, int depth) {
    g.writeStartArray();
    try {
      if (values instanceof Collection<?> collection) {
        int count = 0;
        for (Object element : collection) {
          if (++count > MAX_ELEMENTS) {
            g.writeString("[" + (collection.size() - MAX_ELEMENTS) + " more elements]");
            break;
          }
          write(g, element, depth + 1);
        }
      } else {
        int length = Array.getLength(values);
        for (int i = 0; i < Math.min(length, MAX_ELEMENTS); i++) {
          write(g, Array.get(values, i), depth + 1);
        }
        if (length > MAX_ELEMENTS) {
          g.writeString("[" + (length - MAX_ELEMENTS) + " more elements]");
        }
      }
    } catch (RuntimeException e) {
      g.writeString(placeholder(values, e));
    }
    g.writeEndArray();
  }

  /** {@code toString()} that cannot fail: a throwing or recursive one gives a placeholder. */
  static String safeToString(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    try {
      String s = value.toString();
      return s == null ? "null" : s;
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      return placeholder(value, e);
    }
  }

  private static String placeholder(Object value, Throwable e) {
    return "<unserializable " + value.getClass().getName() + ": " + e.getClass().getName() + ">";
  }
}
