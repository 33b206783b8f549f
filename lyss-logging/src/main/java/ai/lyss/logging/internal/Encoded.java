package ai.lyss.logging.internal;

import ai.lyss.logging.LogFields;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * The fixed parts of every line, encoded once: the schema's field names, the level values, the
 * request lines' messages and (per encoder) service, version and environment. Writing a {@link
 * SerializableString} copies its UTF-8 bytes instead of checking every character for escaping.
 *
 * <p>Only text that no JSON generator setting would write differently is pre-encoded (letters,
 * digits, space and {@code . _ : -}); anything else stays a {@code String} and is written as
 * before, so the output is byte-for-byte the same either way.
 */
final class Encoded {

  static final SerializableString TIMESTAMP = name(LogFields.TIMESTAMP);
  static final SerializableString LEVEL = name(LogFields.LEVEL);
  static final SerializableString SERVICE = name(LogFields.SERVICE);
  static final SerializableString VERSION = name(LogFields.VERSION);
  static final SerializableString ENVIRONMENT = name(LogFields.ENVIRONMENT);
  static final SerializableString MESSAGE = name(LogFields.MESSAGE);
  static final SerializableString LOGGER = name(LogFields.LOGGER);
  static final SerializableString THREAD = name(LogFields.THREAD);

  /** The names of {@link LogFields#CONTEXT}, in its order. */
  static final SerializableString[] CONTEXT =
      LogFields.CONTEXT.stream().map(Encoded::name).toArray(SerializableString[]::new);

  private static final SerializableString AUDIT = name("AUDIT");
  private static final SerializableString SECURITY = name("SECURITY");
  private static final SerializableString ERROR = name("ERROR");
  private static final SerializableString WARNING = name("WARNING");
  private static final SerializableString INFO = name("INFO");
  private static final SerializableString DEBUG = name("DEBUG");

  private static final SerializableString STARTED = name(RequestLog.STARTED);
  private static final SerializableString COMPLETED = name(RequestLog.COMPLETED);
  private static final SerializableString ABORTED = name(RequestLog.ABORTED);
  private static final SerializableString FAILED = name(RequestLog.FAILED);

  private Encoded() {}

  /** {@code text} pre-encoded when it holds only characters no generator escapes, else itself. */
  static Object of(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == ' '
              || c == '.'
              || c == '_'
              || c == ':'
              || c == '-';
      if (!plain) {
        return text;
      }
    }
    return new SerializedString(text);
  }

  /** The level as {@link EventWriter#level} returns it. */
  static SerializableString level(String level) {
    switch (level) {
      case "AUDIT":
        return AUDIT;
      case "SECURITY":
        return SECURITY;
      case "ERROR":
        return ERROR;
      case "WARNING":
        return WARNING;
      case "INFO":
        return INFO;
      default:
        return DEBUG;
    }
  }

  /** The pre-encoded message of a request line, or {@code null} if it is not one of the four. */
  static @Nullable SerializableString requestLineMessage(ILoggingEvent event) {
    String message = event.getMessage();
    if (event.getArgumentArray() != null || message == null) {
      return null; // a formatted message is not the constant
    }
    switch (message) {
      case RequestLog.STARTED:
        return STARTED;
      case RequestLog.COMPLETED:
        return COMPLETED;
      case RequestLog.ABORTED:
        return ABORTED;
      case RequestLog.FAILED:
        return FAILED;
      default:
        return null;
    }
  }

  private static SerializableString name(String name) {
    Object encoded = of(name);
    if (!(encoded instanceof SerializableString string)) {
      throw new IllegalStateException("not a plain name: " + name);
    }
    return string;
  }
}
