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
   * CPU time of this whole JVM (the sender's threads, GC and JIT included) while exporting, in
   * nanoseconds per iteration, and the exports of the iteration: {@code cpuNanos / exports} is the
   * CPU an export costs. The wall time of an export is mostly waiting, so it is not a CPU figure.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Cpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Process CPU nanoseconds spent during the iteration. */
    public long cpuNanos;

    /** Exports done during the iteration. */
    public long exports;

    private long last;

    /** Starts counting. */
    @Setup(Level.Iteration)
    public void start() {
      cpuNanos = 0;
      exports = 0;
      last = OS.getProcessCpuTime();
    }

    void exported() {
      long now = OS.getProcessCpuTime();
      cpuNanos += now - last;
      last = now;
      exports++;
    }
  }

  /** Exports the batch and waits for the sink's answer; a failed export fails the run. */
  @Benchmark
  public CompletableResultCode export(Cpu cpu) {
    CompletableResultCode result = export();
    cpu.exported();
    return result;
  }

  private CompletableResultCode export() {
    CompletableResultCode result = exporter.export(batch).join(10, TimeUnit.SECONDS);
    if (!result.isSuccess()) {
      throw new IllegalStateException("export failed", result.getFailureThrowable());
    }
    return result;
  }
}
