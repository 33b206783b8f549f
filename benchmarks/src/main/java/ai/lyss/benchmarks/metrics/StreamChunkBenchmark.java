package ai.lyss.benchmarks.metrics;

import ai.lyss.metrics.AiStream;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.MetricCatalog;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * Recording one streamed chunk ({@link AiStream#chunk()}: read the clock, observe the gap since the
 * previous chunk in {@code ai_model_time_per_output_chunk_seconds}) against the floor: the same
 * work done by hand on a Micrometer timer held in a field, with the same buckets on the same
 * PrometheusMeterRegistry. Target: at most 1.2x the floor and no allocation.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'metrics.StreamChunkBenchmark' \
 *     -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StreamChunkBenchmark {

  AiStream stream;
  Timer heldTimer;
  long last;

  /** Starts one stream (its first chunk already seen) and registers the floor's timer. */
  @Setup
  public void setUp() {
    LyssMetrics metrics = LyssMetrics.create();
    stream = metrics.aiModels().startStream("openai", "gpt-4o", "tenant-7");
    stream.chunk();
    List<Double> buckets = MetricCatalog.AI_MODEL_TIME_PER_OUTPUT_CHUNK.buckets();
    Duration[] slos = new Duration[buckets.size()];
    for (int i = 0; i < slos.length; i++) {
      slos[i] = Duration.ofNanos(Math.round(buckets.get(i) * 1e9));
    }
    heldTimer =
        Timer.builder("bench.held.chunk")
            .tags("provider", "openai", "model", "gpt-4o")
            .publishPercentileHistogram(false)
            .serviceLevelObjectives(slos)
            .register(metrics.registry());
    last = System.nanoTime();
  }

  /** The floor: clock read and observation into a timer the caller holds. */
  @Benchmark
  public void heldMicrometerTimer() {
    long now = System.nanoTime();
    heldTimer.record(now - last, TimeUnit.NANOSECONDS);
    last = now;
  }

  /** The library: one chunk of a stream in flight. */
  @Benchmark
  public void aiStreamChunk() {
    stream.chunk();
  }
}
