package ai.lyss.benchmarks.tracing;

import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.Traced;
import ai.lyss.tracing.TracedProxy;
import ai.lyss.tracing.TracingAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of {@code @Traced} (through {@link TracedProxy}) against a hand-written SDK span with
 * the same name and attributes. Both go through a {@link SimpleSpanProcessor} into an exporter that
 * discards, so the comparison is the span work itself, not the network. Goal: traced ≤ 1.2 × raw.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TracedBenchmark {

  /** The traced interface. */
  public interface Router {
    /**
     * Picks a model.
     *
     * @param tenant the tenant
     */
    String route(String tenant);
  }

  /** Its implementation. */
  public static final class DefaultRouter implements Router {
    @Override
    @Traced("route model")
    public String route(String tenant) {
      return tenant.length() > 3 ? "gpt-4o" : "gpt-4o-mini";
    }
  }

  /** Discards every span, successfully. */
  static final class DiscardingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  private static final String MODULE = DefaultRouter.class.getName();

  private LyssTracing tracing;
  private Tracer tracer;
  private Router plain;
  private Router traced;

  /** Starts tracing with a discarding exporter; OTLP off, global untouched. */
  @Setup
  public void setUp() {
    tracing =
        LyssTracing.builder()
            .serviceName("bench")
            .otlpExport(false)
            .registerGlobal(false)
            .envLookup(name -> null)
            .addSpanProcessor(SimpleSpanProcessor.create(new DiscardingExporter()))
            .build();
    tracer = tracing.tracer();
    plain = new DefaultRouter();
    traced = TracedProxy.create(Router.class, plain, tracing);
  }

  /** Stops tracing. */
  @TearDown
  public void tearDown() {
    tracing.close();
  }

  /** No tracing at all, for reference. */
  @Benchmark
  public String untraced() {
    return plain.route("tenant-a");
  }

  /** The baseline: an SDK span written by hand with the same name and attributes. */
  @Benchmark
  public String rawSdkSpan() {
    Span span =
        tracer
            .spanBuilder("route model")
            .setAttribute(TracingAttributes.CODE_FUNCTION_NAME, MODULE + ".route")
            .setAttribute(TracingAttributes.FUNCTION_NAME, "route")
            .setAttribute(TracingAttributes.FUNCTION_MODULE, MODULE)
            .startSpan();
    Scope scope = span.makeCurrent();
    try {
      String result = plain.route("tenant-a");
      span.setAttribute(TracingAttributes.FUNCTION_RESULT, TracingAttributes.RESULT_SUCCESS);
      return result;
    } finally {
      scope.close();
      span.end();
    }
  }

  /** {@code @Traced} through {@link TracedProxy}. */
  @Benchmark
  public String tracedProxy() {
    return traced.route("tenant-a");
  }

  /** The programmatic {@code traced("op", ...)} API. */
  @Benchmark
  public String tracedLambda() {
    return tracing.traced("route model", () -> plain.route("tenant-a"));
  }
}
