package ai.lyss.benchmarks.logging;

import ai.lyss.logging.LyssJsonEncoder;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.event.KeyValuePair;

/**
 * Writer-thread cost: encoding one INFO event with 5 fields to a JSON line, LyssJsonEncoder
 * (schema, redaction, caps) against a plain LogstashEncoder. This is the work the background thread
 * does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncoderCostBenchmark {

  private LyssJsonEncoder lyss;
  private LyssJsonEncoder lyssNoRedaction;
  private LogstashEncoder logstash;
  private LoggingEvent event;

  /** Builds the encoders and one prepared event. */
  @Setup
  public void setUp() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    lyss = new LyssJsonEncoder();
    lyss.setContext(context);
    lyss.setService("bench-service");
    lyss.setVersion("1.0.0");
    lyss.start();
    lyssNoRedaction = new LyssJsonEncoder();
    lyssNoRedaction.setContext(context);
    lyssNoRedaction.setRedaction(false);
    lyssNoRedaction.start();
    logstash = new LogstashEncoder();
    logstash.setContext(context);
    logstash.start();
    event =
        new LoggingEvent(
            "bench",
            context.getLogger("ai.lyss.bench.Handler"),
            Level.INFO,
            "request handled",
            null,
            null);
    event.addKeyValuePair(new KeyValuePair("method", "POST"));
    event.addKeyValuePair(new KeyValuePair("path", "/v1/chat/completions"));
    event.addKeyValuePair(new KeyValuePair("status_code", 200));
    event.addKeyValuePair(new KeyValuePair("duration_ms", 12.5));
    event.addKeyValuePair(new KeyValuePair("model", "gpt-4o"));
    event.prepareForDeferredProcessing();
  }

  /** LyssJsonEncoder with redaction (the default). */
  @Benchmark
  public byte[] lyssEncoder() {
    return lyss.encode(event);
  }

  /** LyssJsonEncoder with redaction off: what the redaction rules cost. */
  @Benchmark
  public byte[] lyssEncoderNoRedaction() {
    return lyssNoRedaction.encode(event);
  }

  /** Baseline LogstashEncoder. */
  @Benchmark
  public byte[] baselineLogstashEncoder() {
    return logstash.encode(event);
  }
}
