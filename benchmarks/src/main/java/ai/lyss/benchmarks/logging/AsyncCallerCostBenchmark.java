package ai.lyss.benchmarks.logging;

import ai.lyss.logging.Fields;
import ai.lyss.logging.StructuredLogger;
import ch.qos.logback.classic.LoggerContext;
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
import org.slf4j.Logger;

/**
 * Caller-thread cost of one INFO event with 5 fields: Lyss (StructuredLogger, or plain SLF4J key
 * values, through LyssAsyncAppender + LyssJsonEncoder with redaction) against the baseline (SLF4J
 * key values through Logback's AsyncAppender + LogstashEncoder). Both write to a null stream.
 *
 * <p>Each invocation logs a batch of {@value #BATCH} events into an empty queue, so every call
 * takes the real enqueue path (not the cheap drop/discard path of a saturated queue). During the
 * batch the sink holds the writer thread back, so the score is the logging thread's own cost and
 * not CPU contention with the encoder on a small machine; between batches the sink opens and the
 * writer encodes (redaction on) and discards everything queued. The writer-thread cost is {@link
 * EncoderCostBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AsyncCallerCostBenchmark {

  static final int BATCH = 2000;

  private final GatedNullStream lyssSink = new GatedNullStream();
  private final GatedNullStream logstashSink = new GatedNullStream();
  private LoggerContext lyssContext;
  private LoggerContext logstashContext;
  private StructuredLogger structured;
  private Logger lyssSlf4j;
  private Logger logstashSlf4j;

  /** Builds both pipelines. */
  @Setup(Level.Trial)
  public void setUp() {
    lyssContext = LoggingPipelines.lyss(lyssSink);
    logstashContext = LoggingPipelines.logstash(logstashSink);
    structured = StructuredLogger.of(lyssContext.getLogger("ai.lyss.bench.Handler"));
    lyssSlf4j = lyssContext.getLogger("ai.lyss.bench.Handler");
    logstashSlf4j = logstashContext.getLogger("ai.lyss.bench.Handler");
  }

  /** Lets the writer threads empty both queues, then holds them back for the next batch. */
  @Setup(Level.Invocation)
  public void drain() {
    lyssSink.hold(false);
    logstashSink.hold(false);
    LoggingPipelines.awaitDrained(lyssContext);
    LoggingPipelines.awaitDrained(logstashContext);
    lyssSink.hold(true);
    logstashSink.hold(true);
  }

  /** Stops both pipelines. */
  @TearDown(Level.Trial)
  public void tearDown() {
    lyssSink.hold(false);
    logstashSink.hold(false);
    lyssContext.stop();
    logstashContext.stop();
  }

  /** Lyss facade: {@code log.info(message, Fields.of(5 pairs))}. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void lyssStructuredLogger() {
    for (int i = 0; i < BATCH; i++) {
      structured.info(
          "request handled",
          Fields.of(
              "method", "POST",
              "path", "/v1/chat/completions",
              "status_code", 200,
              "duration_ms", 12.5,
              "model", "gpt-4o"));
    }
  }

  /** Lyss pipeline, called through plain SLF4J 2 key-value pairs. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void lyssPlainSlf4j() {
    for (int i = 0; i < BATCH; i++) {
      lyssSlf4j
          .atInfo()
          .addKeyValue("method", "POST")
          .addKeyValue("path", "/v1/chat/completions")
          .addKeyValue("status_code", 200)
          .addKeyValue("duration_ms", 12.5)
          .addKeyValue("model", "gpt-4o")
          .log("request handled");
    }
  }

  /** Baseline: Logback AsyncAppender + LogstashEncoder, same call. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void baselineLogstashAsync() {
    for (int i = 0; i < BATCH; i++) {
      logstashSlf4j
          .atInfo()
          .addKeyValue("method", "POST")
          .addKeyValue("path", "/v1/chat/completions")
          .addKeyValue("status_code", 200)
          .addKeyValue("duration_ms", 12.5)
          .addKeyValue("model", "gpt-4o")
          .log("request handled");
    }
  }
}
