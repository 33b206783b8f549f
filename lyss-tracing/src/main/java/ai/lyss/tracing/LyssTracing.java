package ai.lyss.tracing;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.http.HttpObserver;
import ai.lyss.tracing.internal.CountingSpanExporter;
import ai.lyss.tracing.internal.EndpointConfig;
import ai.lyss.tracing.internal.Exporters;
import ai.lyss.tracing.internal.OtelEnvironment;
import ai.lyss.tracing.internal.OtelExportLogFilter;
import ai.lyss.tracing.internal.RedactingSpanExporter;
import ai.lyss.tracing.internal.ResourceConfig;
import ai.lyss.tracing.internal.SamplerConfig;
import ai.lyss.tracing.internal.SenderConfig;
import ai.lyss.tracing.internal.ServerSpanObserver;
import ai.lyss.tracing.internal.SpanPipelineCounters;
import ai.lyss.tracing.internal.TracedOperation;
import ai.lyss.tracing.internal.TracingLog;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.InternalTelemetryVersion;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessorBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * OpenTelemetry tracing for a Lyss service, set up by one builder call and stopped by {@link
 * #close()}:
 *
 * <pre>{@code
 * LyssTracing tracing = LyssTracing.builder()
 *     .serviceName("model-router").serviceVersion("1.4.2").environment("production")
 *     .build();   // OTLP/HTTP to http://localhost:4318/v1/traces unless configured otherwise
 * }</pre>
 *
 * <p>Spans go through bounded batch queues; spans dropped there and spans whose export failed are
 * counted ({@link #droppedSpans()}, {@link #exportFailedSpans()}, {@link #failedExports()}). An
 * outage of the collector is logged twice, a WARNING when exports start failing and an INFO when
 * they succeed again, never per batch. {@code close()} flushes and shuts down within {@linkplain
 * LyssTracingBuilder#closeTimeout(Duration) its bound} (2 s), at once when the collector is known
 * to be down.
 */
public final class LyssTracing implements AutoCloseable {

  /** The instrumentation scope of the spans lyss-tracing creates. */
  public static final String INSTRUMENTATION_NAME = "ai.lyss.tracing";

  /** How long {@link #close()} still waits for a final flush when the collector is known down. */
  public static final long CLOSE_GRACE_MILLIS = 100;

  private static final Duration CLOSE_GRACE_WHEN_FAILING = Duration.ofMillis(CLOSE_GRACE_MILLIS);

  private static final TracingLog LOG = TracingLog.of(LyssTracing.class);
  private static final Object GLOBAL_LOCK = new Object();
  private static @Nullable LyssTracing global;

  private final OpenTelemetrySdk sdk;
  private final Tracer tracer;
  private final SpanPipelineCounters counters;
  private final Duration closeTimeout;
  private final @Nullable CountingSpanExporter otlpExporter;
  private final boolean registeredGlobal;
  private final String description;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LyssTracing(
      OpenTelemetrySdk sdk,
      SpanPipelineCounters counters,
      Duration closeTimeout,
      @Nullable CountingSpanExporter otlpExporter,
      boolean registeredGlobal,
      String description) {
    this.sdk = sdk;
    this.tracer = sdk.getTracer(INSTRUMENTATION_NAME);
    this.counters = counters;
    this.closeTimeout = closeTimeout;
    this.otlpExporter = otlpExporter;
    this.registeredGlobal = registeredGlobal;
    this.description = description;
  }

  /** A new builder. */
  public static LyssTracingBuilder builder() {
    return new LyssTracingBuilder();
  }

  static LyssTracing start(LyssTracingBuilder b, OtelEnvironment env) {
    // Resolve and validate everything before touching any global state.
    var resource =
        ResourceConfig.resolve(
            b.serviceName, b.serviceVersion, b.environment, b.resourceAttributes, env);
    var sampler = SamplerConfig.resolve(b.samplingRatio, env);
    List<PropagationFormat> formats = b.propagators;
    if (formats == null) {
      formats = env.propagators();
    }
    if (formats == null) {
      formats = List.of(PropagationFormat.TRACECONTEXT, PropagationFormat.BAGGAGE);
    }
    OtlpProtocol protocol = b.protocol != null ? b.protocol : env.protocol();
    if (protocol == null) {
      protocol = OtlpProtocol.HTTP_PROTOBUF;
    }
    boolean otlp = b.otlpExport != null ? b.otlpExport : otlpFromEnv(env);
    String endpoint = EndpointConfig.resolve(b.endpoint, protocol, env);
    var headers = env.keyValues(OtelEnvironment.OTLP_HEADERS);
    SenderConfig sender = SenderConfig.resolve(b.otlpSender, b.systemPropertyLookup, env);

    if (b.registerGlobal) {
      synchronized (GLOBAL_LOCK) {
        LyssTracing existing = global;
        if (existing != null && !existing.closed.get()) {
          LOG.info("LyssTracing already started; returning the running instance");
          return existing;
        }
        LyssTracing created =
            create(b, resource, sampler, formats, protocol, otlp, endpoint, headers, sender);
        global = created.registeredGlobal ? created : null;
        return created;
      }
    }
    return create(b, resource, sampler, formats, protocol, otlp, endpoint, headers, sender);
  }

  private static LyssTracing create(
      LyssTracingBuilder b,
      io.opentelemetry.sdk.resources.Resource resource,
      io.opentelemetry.sdk.trace.samplers.Sampler sampler,
      List<PropagationFormat> formats,
      OtlpProtocol protocol,
      boolean otlp,
      String endpoint,
      java.util.Map<String, String> headers,
      SenderConfig sender) {
    SpanPipelineCounters counters = new SpanPipelineCounters();
    SdkTracerProviderBuilder provider =
        SdkTracerProvider.builder().setResource(resource).setSampler(sampler);
    CountingSpanExporter otlpExporter = null;
    if (otlp) {
      SpanExporter exporter =
          Exporters.otlp(
              protocol, endpoint, b.exportTimeout, headers, sender.sender(), sender.source());
      OtelExportLogFilter.install();
      otlpExporter =
          new CountingSpanExporter(redacting(b, exporter), counters, "OTLP export to " + endpoint);
      provider.addSpanProcessor(batch(b, otlpExporter, counters));
    }
    for (SpanExporter exporter : b.spanExporters) {
      provider.addSpanProcessor(
          batch(
              b,
              new CountingSpanExporter(redacting(b, exporter), counters, "Export to " + exporter),
              counters));
    }
    for (SpanProcessor processor : b.spanProcessors) {
      provider.addSpanProcessor(processor);
    }
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(provider.build())
            .setPropagators(Exporters.propagators(formats))
            .build();
    boolean registered = false;
    if (b.registerGlobal) {
      // set() rather than isSet() first: isSet() is missing from the OpenTelemetry versions
      // Spring Boot 3.5 and 4.0 manage (1.49, 1.55); set() has always refused a second instance.
      try {
        GlobalOpenTelemetry.set(sdk);
        registered = true;
      } catch (IllegalStateException alreadySet) {
        LOG.warn(
            "GlobalOpenTelemetry was already set (by an agent or other code); LyssTracing runs"
                + " without registering globally. Use getOpenTelemetry() to reach it.",
            null);
      }
    }
    String description =
        String.format(
            Locale.ROOT,
            "LyssTracing{service=%s, otlp=%s, protocol=%s, endpoint=%s, sender=%s, sampler=%s,"
                + " propagators=%s}",
            resource.getAttribute(TracingAttributes.SERVICE_NAME),
            otlp,
            protocol.otelName(),
            endpoint,
            otlp ? sender.sender().settingValue() : "none",
            sampler.getDescription(),
            formats);
    LOG.info("Started " + description);
    return new LyssTracing(sdk, counters, b.closeTimeout, otlpExporter, registered, description);
  }

  private static boolean otlpFromEnv(OtelEnvironment env) {
    String value = env.get(OtelEnvironment.TRACES_EXPORTER);
    if (value == null || value.equalsIgnoreCase("otlp")) {
      return true;
    }
    if (value.equalsIgnoreCase("none")) {
      return false;
    }
    throw new IllegalArgumentException(
        OtelEnvironment.TRACES_EXPORTER + "=" + value + " is not supported: use otlp or none");
  }

  private static SpanExporter redacting(LyssTracingBuilder b, SpanExporter exporter) {
    return b.redactExportedSpans ? new RedactingSpanExporter(exporter) : exporter;
  }

  private static SpanProcessor batch(
      LyssTracingBuilder b, SpanExporter exporter, SpanPipelineCounters counters) {
    BatchSpanProcessorBuilder builder =
        BatchSpanProcessor.builder(exporter)
            .setMaxQueueSize(b.maxQueueSize)
            .setMaxExportBatchSize(Math.min(b.maxExportBatchSize, b.maxQueueSize))
            .setScheduleDelay(b.scheduleDelay)
            .setExporterTimeout(b.exportTimeout)
            .setMeterProvider(counters.meterProvider());
    legacyTelemetry(builder);
    return builder.build();
  }

  /**
   * Pins the processor's own metrics to the form {@link SpanPipelineCounters} reads. The setting
   * exists from OpenTelemetry 1.5x on; before, that form is the only one, so its absence (the
   * versions Spring Boot 3.5 manages) is fine.
   */
  private static void legacyTelemetry(BatchSpanProcessorBuilder builder) {
    try {
      builder.setInternalTelemetryVersion(InternalTelemetryVersion.LEGACY);
    } catch (NoSuchMethodError | NoClassDefFoundError olderOpenTelemetry) {
      // legacy telemetry is all there is
    }
  }

  /** The OpenTelemetry instance, for libraries that take one. */
  public OpenTelemetry getOpenTelemetry() {
    return sdk;
  }

  /**
   * lyss-tracing's part of the request pipeline ({@code ai.lyss.core.http.HttpPipeline}): a SERVER
   * span per request, named {@code METHOD route}, child of the caller's trace context, with 5xx
   * responses and server-side failures marked as errors.
   */
  public HttpObserver httpObserver() {
    return new ServerSpanObserver(sdk);
  }

  /**
   * The request pipeline's SERVER spans for any OpenTelemetry instance (one the service set up
   * itself).
   *
   * @param openTelemetry where spans go
   */
  public static HttpObserver httpObserver(OpenTelemetry openTelemetry) {
    return new ServerSpanObserver(requireNonNull(openTelemetry, "openTelemetry"));
  }

  /** The tracer of lyss-tracing's own spans. */
  public Tracer tracer() {
    return tracer;
  }

  /** Whether this instance is the one registered as {@code GlobalOpenTelemetry}. */
  public boolean isRegisteredGlobal() {
    return registeredGlobal;
  }

  /**
   * Runs {@code call} in a span named {@code operation} with the {@link Traced @Traced} attributes;
   * exceptions are recorded and rethrown unchanged, a returned {@code CompletionStage} ends the
   * span when it completes.
   *
   * @param operation the span name
   * @param call the code to run
   * @param <T> the result type
   * @param <E> the exception type the call may throw
   */
  @SuppressWarnings("unchecked")
  public <T, E extends Throwable> T traced(String operation, TracedCall<T, E> call) throws E {
    requireNonNull(call, "call");
    try {
      return (T) TracedOperation.named(tracer, operation).invoke(call::call);
    } catch (Throwable t) {
      throw (E) t;
    }
  }

  /**
   * Runs {@code call}, which returns nothing, in a span named {@code operation}; see {@link
   * #traced}.
   *
   * @param operation the span name
   * @param call the code to run
   * @param <E> the exception type the call may throw
   */
  @SuppressWarnings("unchecked")
  public <E extends Throwable> void tracedRun(String operation, TracedRunnable<E> call) throws E {
    requireNonNull(call, "call");
    try {
      TracedOperation.named(tracer, operation)
          .invoke(
              () -> {
                call.run();
                return null;
              });
    } catch (Throwable t) {
      throw (E) t;
    }
  }

  /**
   * Spans dropped because a batch queue was full (the collector could not keep up), since start.
   */
  public long droppedSpans() {
    return counters.droppedSpans();
  }

  /** Spans whose export failed (collector unreachable, too slow, or refusing), since start. */
  public long exportFailedSpans() {
    return counters.exportFailedSpans();
  }

  /** Span export requests (batches) that failed, since start. */
  public long failedExports() {
    return counters.failedExports();
  }

  /**
   * Flushes queued spans and shuts down, waiting at most the close timeout, and only {@value
   * #CLOSE_GRACE_MILLIS} ms when the last OTLP export failed (the collector is down: the flush
   * cannot succeed); idempotent. Spans that could not be sent by then are abandoned so the service
   * can stop.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (GLOBAL_LOCK) {
      if (global == this) {
        global = null;
      }
    }
    try {
      Duration wait = closeTimeout;
      CountingSpanExporter exporter = otlpExporter;
      if (exporter != null
          && exporter.isFailing()
          && wait.compareTo(CLOSE_GRACE_WHEN_FAILING) > 0) {
        wait = CLOSE_GRACE_WHEN_FAILING;
      }
      sdk.getSdkTracerProvider().shutdown().join(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      LOG.warn("LyssTracing shutdown failed", e);
    }
  }

  @Override
  public String toString() {
    return description;
  }

  /**
   * A call without result run by {@link #tracedRun}.
   *
   * @param <E> the exception type
   */
  @FunctionalInterface
  public interface TracedRunnable<E extends Throwable> {
    /** Runs the call. */
    void run() throws E;
  }

  /**
   * A call run by {@link #traced}.
   *
   * @param <T> the result type
   * @param <E> the exception type
   */
  @FunctionalInterface
  public interface TracedCall<T, E extends Throwable> {
    /** Runs the call. */
    T call() throws E;
  }
}
