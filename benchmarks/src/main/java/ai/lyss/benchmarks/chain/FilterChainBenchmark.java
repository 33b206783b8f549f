package ai.lyss.benchmarks.chain;

import ai.lyss.benchmarks.logging.LoggingPipelines;
import ai.lyss.core.http.HttpObserver;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.servlet.LyssServletFilter;
import ai.lyss.logging.LyssAsyncAppender;
import ai.lyss.logging.RequestLogging;
import ai.lyss.logging.StructuredLogger;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.tracing.LyssTracing;
import ch.qos.logback.classic.LoggerContext;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The whole per-request Servlet filter chain of a Lyss service (tracing, then request logging, then
 * metrics, then a trivial servlet) on a mock GET request, against the bare servlet call on the same
 * mock request, and each filter alone.
 *
 * <p>Every variant, the baseline included, builds a fresh {@link MockHttpServletRequest}, {@link
 * MockHttpServletResponse} and {@link MockFilterChain} per call (Spring's mocks are single-use), so
 * the mock cost is the same in all of them; the difference to {@link #bareServlet} is what the
 * filters add. Logging goes through the real Lyss pipeline (LyssAsyncAppender + LyssJsonEncoder,
 * redaction on) into a discarding stream, tracing through the SDK with a BatchSpanProcessor into a
 * discarding exporter, metrics into a {@code LyssMetrics.create()} registry.
 *
 * <p>Each invocation serves a batch of {@value #BATCH} requests (2 log events each, within the log
 * queue of 8192; 1 span each, within the span queue of 2048). Before every batch the log writer has
 * emptied its queue and the span processor has been flushed, so every request takes the real
 * enqueue path, never the cheap drop path of a full queue; the writer threads run concurrently with
 * the measured thread, as in a service. All variants do the same per-batch preparation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FilterChainBenchmark {

  static final int BATCH = 1000;

  private static final byte[] BODY = "hello\n".getBytes(StandardCharsets.US_ASCII);

  /** Sets status 200 and writes 6 bytes. */
  static final class HelloServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setStatus(200);
      response.setContentType("text/plain");
      response.getOutputStream().write(BODY);
    }
  }

  private final HelloServlet servlet = new HelloServlet();
  private LoggerContext logging;
  private LyssTracing tracing;
  private LyssMetrics metrics;
  private DiscardingSpanExporter spans;
  private BatchSpanProcessor spanProcessor;
  private Filter fullFilter;
  private Filter tracingFilter;
  private Filter loggingFilter;
  private Filter metricsFilter;

  /** Starts the three pipelines and builds one filter of each kind. */
  @Setup
  public void setUp() {
    spans = new DiscardingSpanExporter();
    spanProcessor = BatchSpanProcessor.builder(spans).build();
    logging = LoggingPipelines.lyss(OutputStream.nullOutputStream());
    tracing =
        LyssTracing.builder()
            .serviceName("bench")
            .otlpExport(false)
            .registerGlobal(false)
            .envLookup(name -> null)
            .addSpanProcessor(spanProcessor)
            .build();
    metrics = LyssMetrics.create();
    HttpObserver tracingObserver = tracing.httpObserver();
    HttpObserver loggingObserver =
        RequestLogging.builder()
            .logger(StructuredLogger.of(logging.getLogger("ai.lyss.logging.request")))
            .build();
    HttpObserver metricsObserver = metrics.httpObserver();
    fullFilter =
        new LyssServletFilter(
            HttpPipeline.builder()
                .observer(tracingObserver)
                .observer(loggingObserver)
                .observer(metricsObserver)
                .build());
    tracingFilter = new LyssServletFilter(HttpPipeline.builder().observer(tracingObserver).build());
    loggingFilter = new LyssServletFilter(HttpPipeline.builder().observer(loggingObserver).build());
    metricsFilter = new LyssServletFilter(HttpPipeline.builder().observer(metricsObserver).build());
  }

  /** Waits until the log writer has emptied its queue and every span has been exported. */
  @Setup(Level.Invocation)
  public void drain() {
    while (LoggingPipelines.pending(logging) > 0) {
      Thread.onSpinWait();
    }
    spanProcessor.forceFlush().join(10, TimeUnit.SECONDS);
  }

  /** Stops the pipelines; prints how many log events the full queue dropped, if any. */
  @TearDown
  public void tearDown() {
    var async = (LyssAsyncAppender) LoggingPipelines.asyncAppender(logging);
    System.out.println("log events dropped by a full queue: " + async.getDroppedCount());
    tracing.close();
    System.out.println("spans exported: " + spans.exported());
    logging.stop();
    metrics.registry().close();
  }

  private static MockHttpServletRequest request() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/chat/42");
    request.addHeader("X-Tenant-ID", "tenant-42");
    request.addHeader("User-Agent", "bench-client/1.0");
    return request;
  }

  private MockHttpServletResponse run(Filter... filters) throws IOException, ServletException {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new MockFilterChain(servlet, filters).doFilter(request(), response);
    return response;
  }

  /** Baseline: the servlet alone, called through an empty mock chain. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void bareServlet(Blackhole bh) throws IOException, ServletException {
    for (int i = 0; i < BATCH; i++) {
      bh.consume(run());
    }
  }

  /** The Lyss filter with all three observers (tracing, request logging, metrics). */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void fullChain(Blackhole bh) throws IOException, ServletException {
    for (int i = 0; i < BATCH; i++) {
      bh.consume(run(fullFilter));
    }
  }

  /** The Lyss filter with the tracing observer alone. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void tracingOnly(Blackhole bh) throws IOException, ServletException {
    for (int i = 0; i < BATCH; i++) {
      bh.consume(run(tracingFilter));
    }
  }

  /** The Lyss filter with the request-logging observer alone. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void loggingOnly(Blackhole bh) throws IOException, ServletException {
    for (int i = 0; i < BATCH; i++) {
      bh.consume(run(loggingFilter));
    }
  }

  /** The Lyss filter with the metrics observer alone. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void metricsOnly(Blackhole bh) throws IOException, ServletException {
    for (int i = 0; i < BATCH; i++) {
      bh.consume(run(metricsFilter));
    }
  }
}
