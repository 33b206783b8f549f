package ai.lyss.benchmarks.logging;

import ai.lyss.logging.LyssJsonEncoder;
import ai.lyss.logging.internal.TraceContext;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * The request log's writer-thread work per request: {@link LyssJsonEncoder} encoding one {@code
 * Request started} and one {@code Request completed} line shaped as the end-to-end run's (bare
 * {@code GET /hello} from {@code wrk}, generated request id, tenant {@code unknown}, trace ids
 * captured on the request thread as {@code LyssAsyncAppender} hands them to its writer).
 *
 * <p>{@code requestLinePair}: the lines as {@code RequestLog} writes them (with its request-line
 * marker). {@code requestLinePairUnmarked}: the same lines without the marker and with the trace
 * ids in the MDC, so every string goes through redaction as an application's line would. Run an
 * earlier build's benchmarks.jar with the same class for a before/after figure ({@link
 * #requestLineMarker} is the one line that differs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RequestLineEncodeBenchmark {

  private static final String REQUEST_ID = "4f0c2a9e-7b1d-4c3e-9a8f-2d6b5e1c0a93";
  private static final String[] TRACE_IDS = {
    "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"
  };

  private static final int BATCH = 100;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LyssJsonEncoder encoder;
  private LoggingEvent started;
  private LoggingEvent completed;
  private LoggingEvent startedUnmarked;
  private LoggingEvent completedUnmarked;

  /** Builds the encoder (defaults, redaction on) and the prepared lines. */
  @Setup
  public void setUp() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    encoder = new LyssJsonEncoder();
    encoder.setContext(context);
    encoder.setService("lyss-e2e-hello");
    encoder.setVersion("unknown-version");
    encoder.start();
    Marker marker = requestLineMarker(REQUEST_ID);
    started = started(context, marker, false);
    completed = completed(context, marker, false);
    startedUnmarked = started(context, null, true);
    completedUnmarked = completed(context, null, true);
  }

  /** The marker {@code RequestLog} puts on a request's lines ({@code null} before it existed). */
  static @Nullable Marker requestLineMarker(String generatedRequestId) {
    return ai.lyss.logging.internal.RequestLineMarker.of(generatedRequestId);
  }

  private static LoggingEvent started(
      LoggerContext context, @Nullable Marker marker, boolean idsInMdc) {
    LoggingEvent event = event(context, "Request started", marker, idsInMdc);
    event.addKeyValuePair(new KeyValuePair("method", "GET"));
    event.addKeyValuePair(new KeyValuePair("url", "http://127.0.0.1:18080/hello"));
    event.addKeyValuePair(new KeyValuePair("client_ip", "127.0.0.1"));
    event.addKeyValuePair(new KeyValuePair("user_agent", "wrk/4.1.0"));
    return event;
  }

  private static LoggingEvent completed(
      LoggerContext context, @Nullable Marker marker, boolean idsInMdc) {
    LoggingEvent event = event(context, "Request completed", marker, idsInMdc);
    event.addKeyValuePair(new KeyValuePair("status_code", 200));
    event.addKeyValuePair(new KeyValuePair("duration_ms", 0.42));
    event.addKeyValuePair(new KeyValuePair("response_size", 6L));
    return event;
  }

  private static LoggingEvent event(
      LoggerContext context, String message, @Nullable Marker marker, boolean idsInMdc) {
    LoggingEvent event =
        new LoggingEvent(
            "bench",
            context.getLogger("ai.lyss.logging.request"),
            ch.qos.logback.classic.Level.INFO,
            message,
            null,
            null);
    event.setThreadName("qtp1780034814-17");
    Map<String, String> mdc = new HashMap<>();
    mdc.put("request_id", REQUEST_ID);
    mdc.put("tenant_id", "unknown");
    if (idsInMdc) {
      mdc.put("trace_id", TRACE_IDS[0]);
      mdc.put("span_id", TRACE_IDS[1]);
    }
    event.setMDCPropertyMap(mdc);
    if (marker != null) {
      event.addMarker(marker);
    }
    event.prepareForDeferredProcessing();
    return event;
  }

  /**
   * Thread CPU time per request-line pair, next to the wall-clock score: on a machine shared with
   * other work the wall time of an operation stretches with the load, its CPU time much less.
   * Report {@code cpuNanos / pairs} (both are per-iteration totals).
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Cpu {
    /** Thread CPU time spent in the measured batches of the iteration. */
    public long cpuNanos;

    /** Request-line pairs encoded in the iteration. */
    public long pairs;

    /** Starts an iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
      cpuNanos = 0;
      pairs = 0;
    }
  }

  /**
   * {@value #BATCH} requests' lines as {@code RequestLog} writes them, trace ids handed over from
   * the request thread (scores per batch).
   *
   * @param bh keeps the lines alive
   * @param cpu the CPU-time counters
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void requestLinePair(Blackhole bh, Cpu cpu) {
    encodeBatch(started, completed, bh, cpu);
  }

  /**
   * The same lines redacted in full (no request-line marker, trace ids from the MDC).
   *
   * @param bh keeps the lines alive
   * @param cpu the CPU-time counters
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void requestLinePairUnmarked(Blackhole bh, Cpu cpu) {
    encodeBatch(startedUnmarked, completedUnmarked, bh, cpu);
  }

  private void encodeBatch(LoggingEvent first, LoggingEvent last, Blackhole bh, Cpu cpu) {
    long before = THREADS.getCurrentThreadCpuTime();
    TraceContext.runWith(
        TRACE_IDS,
        () -> {
          for (int i = 0; i < BATCH; i++) {
            bh.consume(encoder.encode(first));
            bh.consume(encoder.encode(last));
          }
        });
    cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - before;
    cpu.pairs += BATCH;
  }
}
