package ai.lyss.logging;

import ai.lyss.logging.internal.EventWriter;
import ai.lyss.logging.internal.LyssEventJsonProvider;
import ai.lyss.logging.internal.Redactor;
import ai.lyss.logging.internal.Settings;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The Logback encoder that writes each event as one JSON line in the platform schema (design.md
 * §3), built on logstash-logback-encoder's composite encoder. Lines longer than {@link
 * #setMaxLineBytes maxLineBytes} are re-encoded without event fields (and, if still too long, with
 * only the core fields) and carry {@code "truncated":true}, so a line is always valid JSON and
 * never split by a container runtime.
 *
 * <p>Every setting has a default from a system property or environment variable (see the module
 * README); values set in logback.xml or through the setters win.
 */
public final class LyssJsonEncoder extends LoggingEventCompositeJsonEncoder {

  private static final int MIN_LINE_BYTES = 1024;
  private static final int MAX_LINE_BYTES = 16 * 1024 - 256;

  private final JsonFactory fallbackFactory = new JsonFactory();
  private @Nullable String service;
  private @Nullable String version;
  private @Nullable String environment;
  private @Nullable Boolean redaction;
  private final Set<String> redactKeys = new LinkedHashSet<>();
  private final List<String> redactPatterns = new ArrayList<>();
  private int maxLineBytes;
  private int maxMessageChars = 4096;
  private int maxValueChars = 2048;
  private int maxStackTraceChars = 6144;
  private @Nullable EventWriter writer;

  /** Creates an encoder; configure it, then {@link #start()}. */
  public LyssJsonEncoder() {
    setLineSeparator("UNIX");
    setFindAndRegisterJacksonModules(false);
  }

  /**
   * The service name; default {@code LYSS_SERVICE_NAME}, else {@code unknown-service}.
   *
   * @param service the name
   */
  public void setService(String service) {
    this.service = service;
  }

  /**
   * The service version; default {@code LYSS_SERVICE_VERSION}, else {@code unknown}.
   *
   * @param version the version
   */
  public void setVersion(String version) {
    this.version = version;
  }

  /**
   * The deployment environment; default {@code LYSS_ENVIRONMENT}, else omitted.
   *
   * @param environment the environment, for example {@code production}
   */
  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  /**
   * Turns redaction on or off; default on ({@code LYSS_LOG_REDACTION=false} turns it off).
   *
   * @param redaction whether to mask secrets
   */
  public void setRedaction(boolean redaction) {
    this.redaction = redaction;
  }

  /**
   * Adds a field name whose values are always masked (repeatable in logback.xml; also {@code
   * LYSS_LOG_REDACT_KEYS}, comma separated).
   *
   * @param key the field name
   */
  public void addRedactKey(String key) {
    if (key != null && !key.isBlank()) {
      redactKeys.add(key.strip());
    }
  }

  /**
   * Adds a secret shape, a Java regular expression whose matches are masked in every value and
   * message (repeatable; also {@code LYSS_LOG_REDACT_PATTERNS}, separated by {@code ;;}).
   *
   * @param regex the pattern
   */
  public void addRedactPattern(String regex) {
    if (regex != null && !regex.isBlank()) {
      redactPatterns.add(regex.strip());
    }
  }

  /**
   * The line cap in bytes, 1024 to 16128; default {@code LYSS_LOG_MAX_LINE_BYTES}, else 12288.
   *
   * @param maxLineBytes the cap
   */
  public void setMaxLineBytes(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Cap of the message in characters; default 4096.
   *
   * @param maxMessageChars the cap
   */
  public void setMaxMessageChars(int maxMessageChars) {
    this.maxMessageChars = maxMessageChars;
  }

  /**
   * Cap of each string field value in characters; default 2048.
   *
   * @param maxValueChars the cap
   */
  public void setMaxValueChars(int maxValueChars) {
    this.maxValueChars = maxValueChars;
  }

  /**
   * Cap of {@code error.stack_trace} in characters; default 6144.
   *
   * @param maxStackTraceChars the cap
   */
  public void setMaxStackTraceChars(int maxStackTraceChars) {
    this.maxStackTraceChars = maxStackTraceChars;
  }

  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    int lineCap = resolveLineCap();
    requireRange("maxMessageChars", maxMessageChars, 64, 1 << 20);
    requireRange("maxValueChars", maxValueChars, 16, 1 << 20);
    requireRange("maxStackTraceChars", maxStackTraceChars, 64, 1 << 20);
    maxLineBytes = lineCap;
    EventWriter eventWriter =
        new EventWriter(
            service != null
                ? service
                : Settings.get(Settings.SERVICE_NAME, Settings.DEFAULT_SERVICE),
            version != null
                ? version
                : Settings.get(Settings.SERVICE_VERSION, Settings.DEFAULT_VERSION),
            environment != null && !environment.isBlank()
                ? environment
                : Settings.get(Settings.ENVIRONMENT),
            buildRedactor(),
            maxMessageChars,
            maxValueChars,
            maxStackTraceChars);
    writer = eventWriter;
    getProviders().addProvider(new LyssEventJsonProvider(eventWriter));
    super.start();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    byte[] line;
    try {
      line = super.encode(event);
    } catch (RuntimeException e) {
      line = new byte[0];
    }
    if (line.length > 0 && line.length <= maxLineBytes) {
      return line;
    }
    return encodeSmaller(event);
  }

  @Override
  public void encode(ILoggingEvent event, OutputStream outputStream) throws IOException {
    outputStream.write(encode(event));
  }

  private byte[] encodeSmaller(ILoggingEvent event) {
    EventWriter eventWriter = writer;
    if (eventWriter == null) {
      return new byte[0];
    }
    byte[] line = new byte[0];
    for (EventWriter.Tier tier : List.of(EventWriter.Tier.REDUCED, EventWriter.Tier.BARE)) {
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = fallbackFactory.createGenerator(ObjectWriteContext.empty(), out)) {
          g.writeStartObject();
          eventWriter.write(g, event, tier);
          g.writeEndObject();
        }
        out.write('\n');
        line = out.toByteArray();
        if (line.length <= maxLineBytes) {
          return line;
        }
      } catch (RuntimeException e) {
        addWarn("Could not encode a log event even in reduced form", e);
      }
    }
    return line;
  }

  private int resolveLineCap() {
    if (maxLineBytes != 0) {
      requireRange("maxLineBytes", maxLineBytes, MIN_LINE_BYTES, MAX_LINE_BYTES);
      return maxLineBytes;
    }
    String fromEnv = Settings.get(Settings.MAX_LINE_BYTES);
    if (fromEnv == null) {
      return Settings.DEFAULT_MAX_LINE_BYTES;
    }
    try {
      int value = Integer.parseInt(fromEnv);
      requireRange(Settings.MAX_LINE_BYTES, value, MIN_LINE_BYTES, MAX_LINE_BYTES);
      return value;
    } catch (NumberFormatException e) {
      throw fail(Settings.MAX_LINE_BYTES + " must be a number of bytes, was '" + fromEnv + "'");
    }
  }

  private Redactor buildRedactor() {
    boolean enabled =
        redaction != null
            ? redaction
            : !"false".equalsIgnoreCase(Settings.get(Settings.REDACTION, "true"));
    if (!enabled) {
      return Redactor.DISABLED;
    }
    Set<String> keys = new LinkedHashSet<>(redactKeys);
    String envKeys = Settings.get(Settings.REDACT_KEYS);
    if (envKeys != null) {
      for (String key : envKeys.split(",")) {
        if (!key.isBlank()) {
          keys.add(key.strip());
        }
      }
    }
    List<String> regexes = new ArrayList<>(redactPatterns);
    String envPatterns = Settings.get(Settings.REDACT_PATTERNS);
    if (envPatterns != null) {
      for (String regex : envPatterns.split(";;")) {
        if (!regex.isBlank()) {
          regexes.add(regex.strip());
        }
      }
    }
    List<Pattern> patterns = new ArrayList<>();
    for (String regex : regexes) {
      try {
        patterns.add(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw fail(
            "redactPattern / "
                + Settings.REDACT_PATTERNS
                + " is not a valid Java regular expression: '"
                + regex
                + "' ("
                + e.getDescription()
                + "); fix or remove it");
      }
    }
    return Redactor.create(keys, patterns);
  }

  private void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw fail(
          name
              + " must be between "
              + min
              + " and "
              + max
              + ", was "
              + value
              + "; change the setting");
    }
  }

  private IllegalStateException fail(String message) {
    addError(message);
    return new IllegalStateException("lyss-logging: " + message);
  }
}
