package ai.lyss.tracing;

/**
 * The HTTP client the OTLP exporter sends spans with. Both are OpenTelemetry's own senders; they
 * differ in what they cost per export and in the libraries they bring (see the module README).
 */
public enum OtlpSender {
  /**
   * OkHttp ({@code io.opentelemetry:opentelemetry-exporter-sender-okhttp}, which brings OkHttp,
   * Okio and the Kotlin standard library; add it to use this sender); what the OpenTelemetry Java
   * agent uses. Allocates less per export than {@link #JDK}; also speaks OTLP/gRPC.
   */
  OKHTTP("okhttp", "opentelemetry-exporter-sender-okhttp"),
  /**
   * The JDK's own {@code java.net.http.HttpClient} ({@code
   * io.opentelemetry:opentelemetry-exporter-sender-jdk}, which lyss-tracing brings): no third-party
   * libraries, OTLP/HTTP only. The default.
   */
  JDK("jdk", "opentelemetry-exporter-sender-jdk");

  private final String settingValue;
  private final String artifactId;

  OtlpSender(String settingValue, String artifactId) {
    this.settingValue = settingValue;
    this.artifactId = artifactId;
  }

  /** The value naming this sender in {@code LYSS_OTLP_SENDER}: {@code okhttp} or {@code jdk}. */
  public String settingValue() {
    return settingValue;
  }

  /** The Maven artifact ({@code io.opentelemetry} group) that provides this sender. */
  public String artifactId() {
    return artifactId;
  }
}
