package ai.lyss.tracing;

import static java.util.Objects.requireNonNull;

import ai.lyss.tracing.internal.OtelEnvironment;
import ai.lyss.tracing.internal.SamplerConfig;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link LyssTracing}. Every setting has a default; a setting made here wins over the
 * matching {@code OTEL_*} environment variable. Invalid values fail in {@link #build()} with a
 * message that names the setting.
 */
public final class LyssTracingBuilder {

  @Nullable String serviceName;
  @Nullable String serviceVersion;
  @Nullable String environment;
  @Nullable String endpoint;
  @Nullable OtlpProtocol protocol;
  @Nullable Double samplingRatio;
  @Nullable List<PropagationFormat> propagators;
  @Nullable Boolean otlpExport;
  @Nullable OtlpSender otlpSender;
  boolean registerGlobal = true;
  Duration exportTimeout = Duration.ofSeconds(10);
  Duration closeTimeout = Duration.ofSeconds(2);
  Duration scheduleDelay = Duration.ofSeconds(1);
  int maxQueueSize = 2048;
  int maxExportBatchSize = 512;
  final Map<String, String> resourceAttributes = new LinkedHashMap<>();
  final List<SpanExporter> spanExporters = new ArrayList<>();
  boolean redactExportedSpans;
  final List<SpanProcessor> spanProcessors = new ArrayList<>();
  Function<String, @Nullable String> envLookup = System::getenv;
  Function<String, @Nullable String> systemPropertyLookup = System::getProperty;

  LyssTracingBuilder() {}

  /**
   * The {@code service.name} resource attribute; required here or by {@code OTEL_SERVICE_NAME}.
   *
   * @param serviceName for example {@code model-router}
   */
  public LyssTracingBuilder serviceName(String serviceName) {
    this.serviceName = requireNonNull(serviceName, "serviceName");
    return this;
  }

  /**
   * The {@code service.version} resource attribute.
   *
   * @param serviceVersion for example {@code 1.4.2}
   */
  public LyssTracingBuilder serviceVersion(String serviceVersion) {
    this.serviceVersion = requireNonNull(serviceVersion, "serviceVersion");
    return this;
  }

  /**
   * The {@code deployment.environment.name} resource attribute.
   *
   * @param environment for example {@code production}
   */
  public LyssTracingBuilder environment(String environment) {
    this.environment = requireNonNull(environment, "environment");
    return this;
  }

  /**
   * Adds a resource attribute.
   *
   * @param key attribute key
   * @param value attribute value
   */
  public LyssTracingBuilder resourceAttribute(String key, String value) {
    resourceAttributes.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
    return this;
  }

  /**
   * The OTLP endpoint. For HTTP the full traces URL; a URL without path gets {@code /v1/traces}.
   * Default {@code http://localhost:4318/v1/traces} ({@code http://localhost:4317} for gRPC).
   *
   * @param endpoint an {@code http://} or {@code https://} URL
   */
  public LyssTracingBuilder endpoint(String endpoint) {
    this.endpoint = requireNonNull(endpoint, "endpoint");
    return this;
  }

  /**
   * The OTLP transport; default {@link OtlpProtocol#HTTP_PROTOBUF}.
   *
   * @param protocol the protocol
   */
  public LyssTracingBuilder protocol(OtlpProtocol protocol) {
    this.protocol = requireNonNull(protocol, "protocol");
    return this;
  }

  /**
   * Fraction of new traces kept (parent-based: a sampled parent is always followed); default 1.0.
   *
   * @param ratio between 0.0 and 1.0
   */
  public LyssTracingBuilder samplingRatio(double ratio) {
    this.samplingRatio = SamplerConfig.checkRatio(ratio, "samplingRatio");
    return this;
  }

  /**
   * The propagation formats; default W3C trace context and baggage.
   *
   * @param formats one or more formats, for example {@code TRACECONTEXT, BAGGAGE, B3}
   */
  public LyssTracingBuilder propagators(PropagationFormat... formats) {
    requireNonNull(formats, "formats");
    List<PropagationFormat> list = Arrays.asList(formats.clone());
    list.forEach(f -> requireNonNull(f, "formats element"));
    this.propagators = List.copyOf(list);
    return this;
  }

  /**
   * Whether to export over OTLP at all; default {@code true} ({@code OTEL_TRACES_EXPORTER=none}
   * switches it off). Without it only the added exporters and processors see spans.
   *
   * @param enabled whether the OTLP exporter is installed
   */
  public LyssTracingBuilder otlpExport(boolean enabled) {
    this.otlpExport = enabled;
    return this;
  }

  /**
   * The HTTP client OTLP export sends with; default {@link OtlpSender#JDK}. Also set by the JVM
   * system property or environment variable {@code LYSS_OTLP_SENDER} ({@code okhttp} or {@code
   * jdk}). The chosen sender's artifact must be on the class path, else {@link #build()} fails
   * naming it.
   *
   * @param sender the sender
   */
  public LyssTracingBuilder otlpSender(OtlpSender sender) {
    this.otlpSender = requireNonNull(sender, "sender");
    return this;
  }

  /**
   * Whether to install the instance as {@code GlobalOpenTelemetry}; default {@code true}. With
   * {@code false} the global instance is never touched.
   *
   * @param registerGlobal whether to register globally
   */
  public LyssTracingBuilder registerGlobal(boolean registerGlobal) {
    this.registerGlobal = registerGlobal;
    return this;
  }

  /**
   * Whether every exported span is scanned for secrets once more on the export thread, whoever
   * created it; default {@code false}. Lyss's own spans (server, client, {@code @Traced}, GenAI,
   * errors) are masked when their attributes are set, so this safety net matters only for spans
   * from other instrumentation that puts client or error text on spans. It costs about 0.8 µs of
   * export-thread CPU per span (see docs/performance.md).
   *
   * @param redact {@code true} to mask secrets in every exported span
   */
  public LyssTracingBuilder redactExportedSpans(boolean redact) {
    this.redactExportedSpans = redact;
    return this;
  }

  /**
   * Adds an exporter, fed by its own bounded batch processor (for example an in-memory exporter).
   *
   * @param exporter the exporter
   */
  public LyssTracingBuilder addSpanExporter(SpanExporter exporter) {
    spanExporters.add(requireNonNull(exporter, "exporter"));
    return this;
  }

  /**
   * Adds a span processor as is.
   *
   * @param processor the processor
   */
  public LyssTracingBuilder addSpanProcessor(SpanProcessor processor) {
    spanProcessors.add(requireNonNull(processor, "processor"));
    return this;
  }

  /**
   * Time limit of one export (and of connecting); default 10 s.
   *
   * @param timeout a positive duration
   */
  public LyssTracingBuilder exportTimeout(Duration timeout) {
    this.exportTimeout = positive(timeout, "exportTimeout");
    return this;
  }

  /**
   * Time {@link LyssTracing#close()} waits for the final flush; default 2 s. When the last export
   * failed (the collector is down) it waits at most {@value LyssTracing#CLOSE_GRACE_MILLIS} ms.
   *
   * @param timeout a positive duration
   */
  public LyssTracingBuilder closeTimeout(Duration timeout) {
    this.closeTimeout = positive(timeout, "closeTimeout");
    return this;
  }

  /**
   * Delay between two batch exports; default 1 s.
   *
   * @param delay a positive duration
   */
  public LyssTracingBuilder scheduleDelay(Duration delay) {
    this.scheduleDelay = positive(delay, "scheduleDelay");
    return this;
  }

  /**
   * Capacity of each batch processor's queue; spans beyond it are dropped and counted. Default
   * 2048.
   *
   * @param maxQueueSize at least 1
   */
  public LyssTracingBuilder maxQueueSize(int maxQueueSize) {
    if (maxQueueSize < 1) {
      throw new IllegalArgumentException("maxQueueSize must be at least 1, was " + maxQueueSize);
    }
    this.maxQueueSize = maxQueueSize;
    return this;
  }

  /**
   * Where {@code OTEL_*} variables are read from; default {@link System#getenv(String)}.
   *
   * @param envLookup variable name to value, {@code null} when unset
   */
  public LyssTracingBuilder envLookup(Function<String, @Nullable String> envLookup) {
    this.envLookup = requireNonNull(envLookup, "envLookup");
    return this;
  }

  /**
   * Starts tracing. With {@link #registerGlobal(boolean) registerGlobal(true)} a second call
   * returns the instance already registered (its settings are kept).
   *
   * @throws IllegalArgumentException when a setting or an {@code OTEL_*} variable is invalid
   */
  public LyssTracing build() {
    return LyssTracing.start(this, new OtelEnvironment(envLookup));
  }

  private static Duration positive(Duration value, String name) {
    requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }
}
