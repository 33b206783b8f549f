package ai.lyss.tracing.internal;

import ai.lyss.tracing.OtlpSender;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the OTLP sender: the builder's choice, else the {@value Exporters#SENDER_SETTING} JVM
 * system property, else the environment variable of the same name, else {@link #DEFAULT}.
 */
public final class SenderConfig {

  /** The sender used when nothing chooses one. */
  public static final OtlpSender DEFAULT = OtlpSender.JDK;

  private final OtlpSender sender;
  private final String source;

  private SenderConfig(OtlpSender sender, String source) {
    this.sender = sender;
    this.source = source;
  }

  /**
   * Resolves the sender.
   *
   * @param explicit the builder's choice, or {@code null}
   * @param systemProperties system property lookup ({@link System#getProperty(String)})
   * @param env the environment
   * @throws IllegalArgumentException when the setting names no sender
   */
  public static SenderConfig resolve(
      @Nullable OtlpSender explicit,
      Function<String, @Nullable String> systemProperties,
      OtelEnvironment env) {
    if (explicit != null) {
      return new SenderConfig(explicit, "otlpSender(OtlpSender." + explicit.name() + ")");
    }
    String name = Exporters.SENDER_SETTING;
    String value = systemProperties.apply(name);
    String source = "-D" + name;
    if (value == null || value.isBlank()) {
      value = env.get(name);
      source = name;
    }
    if (value == null || value.isBlank()) {
      return new SenderConfig(DEFAULT, "default, " + name + " unset");
    }
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    for (OtlpSender candidate : OtlpSender.values()) {
      if (candidate.settingValue().equals(wanted)) {
        return new SenderConfig(candidate, source);
      }
    }
    throw new IllegalArgumentException(
        source
            + "="
            + value
            + " is not a sender: use jdk (the default: the JDK's HttpClient) or okhttp (add"
            + " io.opentelemetry:opentelemetry-exporter-sender-okhttp)");
  }

  /** The chosen sender. */
  public OtlpSender sender() {
    return sender;
  }

  /** What made the choice: the builder call, the system property, the variable or the default. */
  public String source() {
    return source;
  }
}
