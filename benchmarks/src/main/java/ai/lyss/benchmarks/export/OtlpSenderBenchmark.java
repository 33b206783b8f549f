package ai.lyss.benchmarks.export;

import ai.lyss.tracing.OtlpProtocol;
import ai.lyss.tracing.OtlpSender;
import ai.lyss.tracing.internal.Exporters;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One OTLP/HTTP export of a batch of server spans, per sender, to a real loopback HTTP sink running
 * in its own process ({@link OtlpSink}), through lyss-tracing's own exporter construction ({@link
 * Exporters#otlp}). Time per export and, with {@code -prof gc}, bytes allocated per export in this
 * JVM (the sender's threads included, the sink's not). {@code -Dlyss.bench.sinkPort=4318} exports
 * to a receiver already running on that loopback port instead (a Collector, Jaeger). Run:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar OtlpSenderBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseG1GC"})
public class OtlpSenderBenchmark {

  /** The sender, as {@code LYSS_OTLP_SENDER} names it. */
  @Param({"okhttp", "jdk"})
  public String sender;

  /** Spans per export: a quiet service's batch and the batch processor's maximum. */
  @Param({"32", "512"})
  public int batchSize;

  /** System property: the port of an OTLP/HTTP receiver already running on 127.0.0.1. */
  static final String SINK_PORT = "lyss.bench.sinkPort";

  private Process sink;
  private SpanExporter exporter;
  private List<SpanData> batch;

  /** Starts the sink process and builds the exporter. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    String port = System.getProperty(SINK_PORT);
    if (port == null) {
      port = startSink();
    }
    OtlpSender chosen = OtlpSender.valueOf(sender.toUpperCase(Locale.ROOT));
    threadsBeforeExporter =
        java.util.Arrays.stream(ManagementFactory.getThreadMXBean().getAllThreadIds())
            .boxed()
            .collect(java.util.stream.Collectors.toSet());
    exporter =
        Exporters.otlp(
            OtlpProtocol.HTTP_PROTOBUF,
            "http://127.0.0.1:" + port.strip() + "/v1/traces",
            Duration.ofSeconds(10),
            Map.of(),
            chosen,
            "benchmark");
    batch = ServerSpanBatch.of(batchSize);
    export();
    // The exporter does not say which sender it got; the sender's threads do.
    String marker = chosen == OtlpSender.OKHTTP ? "okhttp" : "selectormanager";
    boolean found =
        Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.getName().toLowerCase(Locale.ROOT).contains(marker));
    if (!found) {
      throw new IllegalStateException("asked for " + sender + " but no " + marker + " thread runs");
    }
  }

  private String startSink() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    sink =
        new ProcessBuilder(
                java,
                "-Xmx128m",
                // Without it the JDK's HttpServer answers through Nagle + delayed ACK: 40 ms.
                "-Dsun.net.httpserver.nodelay=true",
                "-cp",
                System.getProperty("java.class.path"),
                OtlpSink.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(sink.getInputStream(), StandardCharsets.UTF_8));
    String port = out.readLine();
    if (port == null) {
      throw new IllegalStateException("the OTLP sink did not start");
    }
    return port;
  }

  /** Stops the exporter and the sink. */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    exporter.shutdown().join(5, TimeUnit.SECONDS);
    if (sink != null) {
      sink.destroy();
      sink.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /**
   * CPU an export costs, in nanoseconds, as {@code cpuNanos / exports}: the benchmark thread's CPU
   * inside {@code export} plus all CPU of the threads that appeared once the exporter was built
   * (the sender's; JMH's own threads, GC and JIT are left out). Process CPU would not do: the
   * OkHttp sender's exports mostly wait (see the results), and the JVM's background CPU spread over
   * few exports would swamp them. Sampled every 100 ms, so the last partial slice of an iteration
   * is left out of both counters.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Cpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long SLICE_NANOS = 100_000_000L;

    /** CPU nanoseconds of the counted exports. */
    public long cpuNanos;

    /** Exports counted. */
    public long exports;

    private long sliceStart;
    private long senderCpuAtSliceStart;
    private long callerCpu;
    private long pendingExports;

    /** Starts a slice. */
    @Setup(Level.Iteration)
    public void start() {
      cpuNanos = 0;
      exports = 0;
      callerCpu = 0;
      pendingExports = 0;
      sliceStart = System.nanoTime();
      senderCpuAtSliceStart = senderThreadsCpu();
    }

    void exported(long callerNanos) {
      callerCpu += callerNanos;
      pendingExports++;
      long now = System.nanoTime();
      if (now - sliceStart >= SLICE_NANOS) {
        long senderCpu = senderThreadsCpu();
        cpuNanos += senderCpu - senderCpuAtSliceStart + callerCpu;
        exports += pendingExports;
        senderCpuAtSliceStart = senderCpu;
        callerCpu = 0;
        pendingExports = 0;
        sliceStart = now;
      }
    }

    static long senderThreadsCpu() {
      long total = 0;
      for (long id : THREADS.getAllThreadIds()) {
        if (!threadsBeforeExporter.contains(id)) {
          long cpu = THREADS.getThreadCpuTime(id);
          total += Math.max(cpu, 0);
        }
      }
      return total;
    }
  }

  static java.util.Set<Long> threadsBeforeExporter = java.util.Set.of();

  /** Exports the batch and waits for the sink's answer; a failed export fails the run. */
  @Benchmark
  public CompletableResultCode export(Cpu cpu) {
    long start = CALLER.getCurrentThreadCpuTime();
    CompletableResultCode result = export();
    cpu.exported(CALLER.getCurrentThreadCpuTime() - start);
    return result;
  }

  private static final ThreadMXBean CALLER = ManagementFactory.getThreadMXBean();

  private CompletableResultCode export() {
    CompletableResultCode result = exporter.export(batch).join(10, TimeUnit.SECONDS);
    if (!result.isSuccess()) {
      throw new IllegalStateException("export failed", result.getFailureThrowable());
    }
    return result;
  }
}
