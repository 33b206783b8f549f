package ai.lyss.benchmarks.tracing;

import ai.lyss.tracing.internal.RedactingSpanExporter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Export-thread cost of the redaction safety net ({@link RedactingSpanExporter}) per span: a batch
 * of 512 HTTP server spans (11 attributes, as the Lyss filters record them) handed to an exporter
 * that discards, directly (baseline) and through the redacting wrapper; once with clean spans and
 * once with a key in the path of one span in 64. Scores are per span.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RedactingExporterBenchmark {

  private static final int BATCH = 512;

  private final SpanExporter discarding = new TracedBenchmark.DiscardingExporter();
  private final SpanExporter redacting = new RedactingSpanExporter(discarding);
  private List<SpanData> clean;
  private List<SpanData> withSecrets;

  /** Records the two batches once. */
  @Setup
  public void setUp() {
    clean = record(false);
    withSecrets = record(true);
  }

  /** The exporter alone: the floor. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public CompletableResultCode baseline() {
    return discarding.export(clean);
  }

  /** Through the safety net, nothing to mask (the common case). */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public CompletableResultCode redactingClean() {
    return redacting.export(clean);
  }

  /** Through the safety net, one span in 64 carrying a key. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public CompletableResultCode redactingWithSecrets() {
    return redacting.export(withSecrets);
  }

  private static List<SpanData> record(boolean secrets) {
    List<SpanData> recorded = new ArrayList<>(BATCH);
    // A processor makes the SDK record; the spans are read back as SpanData once ended.
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new TracedBenchmark.DiscardingExporter()))
            .build()) {
      for (int i = 0; i < BATCH; i++) {
        String id =
            secrets && i % 64 == 0
                ? "sk-proj-AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH" + (1000 + i)
                : "conv_01HXZ4Q8J5K" + (1000 + i);
        Span span =
            provider
                .get("bench")
                .spanBuilder("GET /v1/conversations/{id}")
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", "GET")
                .setAttribute("url.path", "/v1/conversations/" + id)
                .setAttribute("url.scheme", "http")
                .setAttribute("server.address", "gateway.internal")
                .setAttribute("server.port", 8080L)
                .setAttribute("client.address", "10.1.2." + (i % 250))
                .setAttribute(
                    "user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36")
                .setAttribute("network.protocol.version", "1.1")
                .setAttribute("http.route", "/v1/conversations/{id}")
                .setAttribute("http.response.status_code", 200L)
                .setAttribute("tenant.id", "acme-" + (i % 20))
                .startSpan();
        span.end();
        recorded.add(((ReadableSpan) span).toSpanData());
      }
    }
    return List.copyOf(recorded);
  }
}
