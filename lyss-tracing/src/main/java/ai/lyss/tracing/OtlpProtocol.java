package ai.lyss.tracing;

/** The OTLP transport spans are exported with. */
public enum OtlpProtocol {
  /** OTLP over HTTP with protobuf bodies, port 4318 by convention; the default. */
  HTTP_PROTOBUF("http/protobuf", 4318),
  /**
   * OTLP over gRPC, port 4317 by convention. Needs the OkHttp sender: {@code
   * io.opentelemetry:opentelemetry-exporter-sender-okhttp} on the class path and {@link
   * OtlpSender#OKHTTP} chosen; lyss-tracing ships only the JDK HTTP sender.
   */
  GRPC("grpc", 4317);

  private final String otelName;
  private final int conventionalPort;

  OtlpProtocol(String otelName, int conventionalPort) {
    this.otelName = otelName;
    this.conventionalPort = conventionalPort;
  }

  /** The name used by {@code OTEL_EXPORTER_OTLP_PROTOCOL}. */
  public String otelName() {
    return otelName;
  }

  /** The port OTLP receivers (Jaeger, the Collector) listen on for this protocol. */
  public int conventionalPort() {
    return conventionalPort;
  }
}
