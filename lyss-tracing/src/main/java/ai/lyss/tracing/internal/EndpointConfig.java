package ai.lyss.tracing.internal;

import ai.lyss.tracing.OtlpProtocol;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/** Resolves and validates the OTLP endpoint, catching the common protocol/port mix-ups. */
public final class EndpointConfig {

  /** The traces path of OTLP/HTTP. */
  public static final String TRACES_PATH = "/v1/traces";

  /** Default OTLP/HTTP endpoint (a local Jaeger or Collector). */
  public static final String DEFAULT_HTTP_ENDPOINT = "http://localhost:4318" + TRACES_PATH;

  /** Default OTLP/gRPC endpoint. */
  public static final String DEFAULT_GRPC_ENDPOINT = "http://localhost:4317";

  private EndpointConfig() {}

  /**
   * The endpoint to export to: the builder's value, else the traces-specific variable, else the
   * general variable (with {@code /v1/traces} appended for HTTP), else the default.
   *
   * @param explicit the builder's endpoint, or {@code null}
   * @param protocol the resolved protocol
   * @param env the environment
   */
  public static String resolve(
      @Nullable String explicit, OtlpProtocol protocol, OtelEnvironment env) {
    String setting;
    String endpoint;
    if (explicit != null) {
      setting = "endpoint";
      endpoint = withTracesPath(explicit, protocol);
    } else if (env.get(OtelEnvironment.OTLP_TRACES_ENDPOINT) != null) {
      setting = OtelEnvironment.OTLP_TRACES_ENDPOINT;
      endpoint = env.get(setting);
    } else if (env.get(OtelEnvironment.OTLP_ENDPOINT) != null) {
      setting = OtelEnvironment.OTLP_ENDPOINT;
      endpoint = withTracesPath(env.get(setting), protocol);
    } else {
      return protocol == OtlpProtocol.GRPC ? DEFAULT_GRPC_ENDPOINT : DEFAULT_HTTP_ENDPOINT;
    }
    validate(setting, endpoint, protocol);
    return endpoint;
  }

  private static String withTracesPath(@Nullable String base, OtlpProtocol protocol) {
    String value = base == null ? "" : base.strip();
    if (protocol != OtlpProtocol.HTTP_PROTOBUF) {
      return value;
    }
    try {
      String path = new URI(value).getPath();
      if (path == null || path.isEmpty() || path.equals("/")) {
        return value.replaceAll("/+$", "") + TRACES_PATH;
      }
    } catch (URISyntaxException e) {
      return value; // reported by validate
    }
    return value;
  }

  private static void validate(String setting, @Nullable String endpoint, OtlpProtocol protocol) {
    URI uri;
    try {
      uri = new URI(endpoint == null ? "" : endpoint);
    } catch (URISyntaxException e) {
      throw invalid(setting, endpoint, "it is not a valid URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw invalid(setting, endpoint, "it must start with http:// or https://");
    }
    if (uri.getHost() == null) {
      throw invalid(setting, endpoint, "it has no host");
    }
    OtlpProtocol other =
        protocol == OtlpProtocol.GRPC ? OtlpProtocol.HTTP_PROTOBUF : OtlpProtocol.GRPC;
    if (uri.getPort() == other.conventionalPort()) {
      throw new IllegalArgumentException(
          setting
              + "="
              + endpoint
              + " uses port "
              + other.conventionalPort()
              + ", the OTLP/"
              + other.otelName()
              + " port, but the protocol is "
              + protocol.otelName()
              + ": use port "
              + protocol.conventionalPort()
              + " or set protocol "
              + other.name()
              + " (OTEL_EXPORTER_OTLP_PROTOCOL="
              + other.otelName()
              + ")");
    }
  }

  private static IllegalArgumentException invalid(
      String setting, @Nullable String endpoint, String why) {
    return new IllegalArgumentException(
        setting
            + "="
            + endpoint
            + " is invalid: "
            + why
            + "; for example "
            + DEFAULT_HTTP_ENDPOINT
            + " (Jaeger or a Collector, OTLP/HTTP)");
  }
}
