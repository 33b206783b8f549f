package ai.lyss.spring.boot;

import ai.lyss.tracing.OtlpProtocol;
import ai.lyss.tracing.PropagationFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the lyss-tracing auto-configuration ({@code lyss.tracing.*}). A setting left unset
 * falls back to the matching {@code OTEL_*} variable (read from the Spring environment, so it may
 * also be given as a property), then to the lyss-tracing default.
 */
@ConfigurationProperties(LyssTracingProperties.PREFIX)
public final class LyssTracingProperties {

  /** The property prefix. */
  public static final String PREFIX = "lyss.tracing";

  /** Whether LyssTracing, its server filter, @Traced and client propagation are wired. */
  private boolean enabled = true;

  /** OTLP endpoint; default OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, then localhost:4318. */
  private @Nullable String endpoint;

  /** OTLP transport; default OTEL_EXPORTER_OTLP_PROTOCOL, then http/protobuf. */
  private @Nullable OtlpProtocol protocol;

  /** Fraction of new traces kept, 0.0 to 1.0; default OTEL_TRACES_SAMPLER_ARG, then 1.0. */
  private @Nullable Double samplingRatio;

  /** Propagation formats; default OTEL_PROPAGATORS, then tracecontext and baggage. */
  private List<PropagationFormat> propagators = new ArrayList<>();

  /** Whether spans are exported over OTLP; default from OTEL_TRACES_EXPORTER (on). */
  private @Nullable Boolean otlpExport;

  /** Whether the instance is installed as GlobalOpenTelemetry. */
  private boolean registerGlobal = true;

  /** Time limit of one export. */
  private Duration exportTimeout = Duration.ofSeconds(10);

  /** Time the shutdown waits for the final flush. */
  private Duration closeTimeout = Duration.ofSeconds(2);

  /** Whether outgoing RestClient and java.net.http.HttpClient calls carry the trace context. */
  private boolean clientPropagation = true;

  /** Database spans and the slow-query log on DataSource beans ({@code lyss.tracing.jdbc.*}). */
  private final Jdbc jdbc = new Jdbc();

  /** Whether the enabled flag is on (default {@code true}). */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Turns the tracing auto-configuration on or off.
   *
   * @param enabled the flag
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** The OTLP endpoint, or {@code null} for the default. */
  public @Nullable String getEndpoint() {
    return endpoint;
  }

  /**
   * Sets the OTLP endpoint.
   *
   * @param endpoint an http:// or https:// URL
   */
  public void setEndpoint(@Nullable String endpoint) {
    String value = Checks.notBlank(PREFIX + ".endpoint", endpoint);
    if (value != null && !value.startsWith("http://") && !value.startsWith("https://")) {
      throw new IllegalArgumentException(
          PREFIX + ".endpoint must be an http:// or https:// URL, was '" + value + "'");
    }
    this.endpoint = value;
  }

  /** The OTLP protocol, or {@code null} for the default. */
  public @Nullable OtlpProtocol getProtocol() {
    return protocol;
  }

  /**
   * Sets the OTLP protocol.
   *
   * @param protocol http-protobuf or grpc
   */
  public void setProtocol(@Nullable OtlpProtocol protocol) {
    this.protocol = protocol;
  }

  /** The sampling ratio, or {@code null} for the default. */
  public @Nullable Double getSamplingRatio() {
    return samplingRatio;
  }

  /**
   * Sets the sampling ratio.
   *
   * @param samplingRatio 0.0 to 1.0
   */
  public void setSamplingRatio(@Nullable Double samplingRatio) {
    if (samplingRatio != null && !(samplingRatio >= 0.0 && samplingRatio <= 1.0)) {
      throw new IllegalArgumentException(
          PREFIX + ".sampling-ratio must be between 0.0 and 1.0, was " + samplingRatio);
    }
    this.samplingRatio = samplingRatio;
  }

  /** The propagation formats; empty for the default. */
  public List<PropagationFormat> getPropagators() {
    return propagators;
  }

  /**
   * Sets the propagation formats.
   *
   * @param propagators for example {@code tracecontext,baggage,b3}
   */
  public void setPropagators(List<PropagationFormat> propagators) {
    this.propagators = new ArrayList<>(propagators);
  }

  /** Whether OTLP export is on, or {@code null} for the default. */
  public @Nullable Boolean getOtlpExport() {
    return otlpExport;
  }

  /**
   * Sets whether spans are exported over OTLP.
   *
   * @param otlpExport the flag
   */
  public void setOtlpExport(@Nullable Boolean otlpExport) {
    this.otlpExport = otlpExport;
  }

  /** Whether the instance becomes GlobalOpenTelemetry. */
  public boolean isRegisterGlobal() {
    return registerGlobal;
  }

  /**
   * Sets whether the instance becomes GlobalOpenTelemetry.
   *
   * @param registerGlobal the flag
   */
  public void setRegisterGlobal(boolean registerGlobal) {
    this.registerGlobal = registerGlobal;
  }

  /** The export timeout. */
  public Duration getExportTimeout() {
    return exportTimeout;
  }

  /**
   * Sets the export timeout.
   *
   * @param exportTimeout a positive duration
   */
  public void setExportTimeout(Duration exportTimeout) {
    this.exportTimeout = Checks.positive(PREFIX + ".export-timeout", exportTimeout, false);
  }

  /** The close timeout. */
  public Duration getCloseTimeout() {
    return closeTimeout;
  }

  /**
   * Sets the close timeout.
   *
   * @param closeTimeout a positive duration
   */
  public void setCloseTimeout(Duration closeTimeout) {
    this.closeTimeout = Checks.positive(PREFIX + ".close-timeout", closeTimeout, false);
  }

  /** Whether outgoing calls carry the trace context. */
  public boolean isClientPropagation() {
    return clientPropagation;
  }

  /**
   * Sets whether outgoing calls carry the trace context.
   *
   * @param clientPropagation the flag
   */
  public void setClientPropagation(boolean clientPropagation) {
    this.clientPropagation = clientPropagation;
  }

  /** The JDBC settings. */
  public Jdbc getJdbc() {
    return jdbc;
  }

  /** Settings of the {@code DataSource} wrapping ({@code lyss.tracing.jdbc.*}). */
  public static final class Jdbc {

    /** Whether every DataSource bean is wrapped for database spans and the slow-query log. */
    private boolean enabled = true;

    /** Statements taking at least this long are logged once at WARNING as "slow query". */
    private Duration slowQueryThreshold = Duration.ofSeconds(1);

    /** Created by the binder. */
    public Jdbc() {}

    /** Whether DataSource beans are wrapped (default {@code true}). */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Turns the DataSource wrapping on or off.
     *
     * @param enabled the flag
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** The slow-query threshold (default 1 s). */
    public Duration getSlowQueryThreshold() {
      return slowQueryThreshold;
    }

    /**
     * Sets the slow-query threshold.
     *
     * @param slowQueryThreshold a positive duration
     */
    public void setSlowQueryThreshold(Duration slowQueryThreshold) {
      this.slowQueryThreshold =
          Checks.positive(PREFIX + ".jdbc.slow-query-threshold", slowQueryThreshold, false);
    }
  }
}
