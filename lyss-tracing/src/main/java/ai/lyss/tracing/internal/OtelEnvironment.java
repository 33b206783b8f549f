package ai.lyss.tracing.internal;

import static java.util.Objects.requireNonNull;

import ai.lyss.tracing.OtlpProtocol;
import ai.lyss.tracing.PropagationFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the standard {@code OTEL_*} variables lyss-tracing honours, each parse error naming its
 * variable. Values are looked up through a function so tests need not touch the real environment.
 */
public final class OtelEnvironment {

  /** {@code OTEL_SERVICE_NAME}. */
  public static final String SERVICE_NAME = "OTEL_SERVICE_NAME";

  /** {@code OTEL_RESOURCE_ATTRIBUTES}: {@code key=value,key=value}, values percent-encoded. */
  public static final String RESOURCE_ATTRIBUTES = "OTEL_RESOURCE_ATTRIBUTES";

  /** {@code OTEL_EXPORTER_OTLP_ENDPOINT}: base URL, {@code /v1/traces} appended for HTTP. */
  public static final String OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

  /** {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}: the full traces URL, used as is. */
  public static final String OTLP_TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

  /** {@code OTEL_EXPORTER_OTLP_PROTOCOL}. */
  public static final String OTLP_PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";

  /** {@code OTEL_EXPORTER_OTLP_TRACES_PROTOCOL}. */
  public static final String OTLP_TRACES_PROTOCOL = "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL";

  /** {@code OTEL_EXPORTER_OTLP_HEADERS}: {@code key=value,...}, for example an auth token. */
  public static final String OTLP_HEADERS = "OTEL_EXPORTER_OTLP_HEADERS";

  /** {@code OTEL_TRACES_SAMPLER}. */
  public static final String TRACES_SAMPLER = "OTEL_TRACES_SAMPLER";

  /** {@code OTEL_TRACES_SAMPLER_ARG}. */
  public static final String TRACES_SAMPLER_ARG = "OTEL_TRACES_SAMPLER_ARG";

  /** {@code OTEL_PROPAGATORS}. */
  public static final String PROPAGATORS = "OTEL_PROPAGATORS";

  /** {@code OTEL_TRACES_EXPORTER}: {@code otlp} (default) or {@code none}. */
  public static final String TRACES_EXPORTER = "OTEL_TRACES_EXPORTER";

  private final Function<String, @Nullable String> lookup;

  /**
   * Reads variables through {@code lookup}.
   *
   * @param lookup variable name to value, {@code null} when unset
   */
  public OtelEnvironment(Function<String, @Nullable String> lookup) {
    this.lookup = requireNonNull(lookup, "lookup");
  }

  /**
   * A variable's trimmed value, or {@code null} when unset or blank.
   *
   * @param name the variable
   */
  public @Nullable String get(String name) {
    String value;
    try {
      value = lookup.apply(name);
    } catch (RuntimeException e) {
      return null;
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The protocol from the traces-specific or the general variable, or {@code null}. */
  public @Nullable OtlpProtocol protocol() {
    String variable = get(OTLP_TRACES_PROTOCOL) != null ? OTLP_TRACES_PROTOCOL : OTLP_PROTOCOL;
    String value = get(variable);
    if (value == null) {
      return null;
    }
    for (OtlpProtocol protocol : OtlpProtocol.values()) {
      if (protocol.otelName().equalsIgnoreCase(value)) {
        return protocol;
      }
    }
    throw new IllegalArgumentException(
        variable
            + "="
            + value
            + " is not supported: use http/protobuf (the default, port 4318) or grpc (port 4317)");
  }

  /** The propagators named by {@code OTEL_PROPAGATORS}; {@code null} when unset. */
  public @Nullable List<PropagationFormat> propagators() {
    String value = get(PROPAGATORS);
    if (value == null) {
      return null;
    }
    List<PropagationFormat> formats = new ArrayList<>();
    for (String name : value.split(",")) {
      String trimmed = name.strip().toLowerCase(Locale.ROOT);
      if (trimmed.isEmpty() || trimmed.equals("none")) {
        continue;
      }
      formats.add(propagator(trimmed, value));
    }
    return formats;
  }

  private static PropagationFormat propagator(String name, String whole) {
    for (PropagationFormat format : PropagationFormat.values()) {
      if (format.otelName().equals(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        PROPAGATORS
            + "="
            + whole
            + " names unsupported propagator '"
            + name
            + "': use tracecontext, baggage, b3, b3multi or none");
  }

  /**
   * A {@code key=value,key=value} variable as an ordered map, values percent-decoded (only {@code
   * %XX}: a {@code +} stays a {@code +}, as the OpenTelemetry specification has it; form decoding
   * would turn it into a space).
   *
   * @param name the variable
   */
  public Map<String, String> keyValues(String name) {
    Map<String, String> result = new LinkedHashMap<>();
    String value = get(name);
    if (value == null) {
      return result;
    }
    for (String pair : value.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            name + " has an entry without key=value: '" + pair.strip() + "'");
      }
      result.put(
          pair.substring(0, eq).strip(), percentDecode(name, pair.substring(eq + 1).strip()));
    }
    return result;
  }

  /** {@code %XX} sequences as UTF-8 bytes; every other character as is. */
  static String percentDecode(String variable, String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      bytes.reset();
      while (i < value.length() && value.charAt(i) == '%') {
        boolean complete = i + 2 < value.length();
        int hi = complete ? Character.digit(value.charAt(i + 1), 16) : -1;
        int lo = complete ? Character.digit(value.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException(
              variable
                  + " has a malformed percent-escape at '"
                  + value.substring(i, Math.min(value.length(), i + 3))
                  + "': write a literal % as %25");
        }
        bytes.write(hi * 16 + lo);
        i += 3;
      }
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
