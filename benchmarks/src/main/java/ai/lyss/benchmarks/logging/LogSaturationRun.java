package ai.lyss.benchmarks.logging;

import ai.lyss.logging.LyssAsyncAppender;
import ai.lyss.logging.LyssMarkers;
import ch.qos.logback.classic.LoggerContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/**
 * Log throughput at saturation (not JMH; run it pinned to one core with {@code taskset -c 0}):
 * {@code --threads} caller threads log INFO events with 5 fields as fast as they can through one
 * pipeline into a real file, for {@code --measure} seconds after {@code --warmup} seconds. Prints
 * events accepted by the callers per second, lines written to the file per second, events dropped
 * and bytes per second, then drains and stops the pipeline and checks the file against the count of
 * events logged. One pipeline per JVM; {@code benchmarks/scale/log-saturation.sh} loops.
 *
 * <pre>{@code
 * taskset -c 0 java -cp benchmarks/target/benchmarks.jar \
 *     ai.lyss.benchmarks.logging.LogSaturationRun --pipeline lyss|logstash|lyss-audit|lyss-audit-wait|logstash-blocking|disruptor|disruptor-blocking
 * }</pre>
 */
public final class LogSaturationRun {

  private LogSaturationRun() {}

  /**
   * Runs one pipeline.
   *
   * @param args {@code --pipeline
   *     lyss|logstash|lyss-audit|lyss-audit-wait|logstash-blocking|disruptor|disruptor-blocking}
   *     (required), {@code --threads 4}, {@code --warmup 5}, {@code --measure 10}
   */
  public static void main(String[] args) throws Exception {
    List<String> list = Arrays.asList(args);
    String pipeline = option(list, "--pipeline", "");
    int threads = Integer.parseInt(option(list, "--threads", "4"));
    long warmup = Long.parseLong(option(list, "--warmup", "5"));
    long measure = Long.parseLong(option(list, "--measure", "10"));
    boolean audit = pipeline.startsWith("lyss-audit");
    Path dir = Files.createTempDirectory("lyss-log-saturation");
    Path file = dir.resolve("service.log");
    LoggerContext context =
        switch (pipeline) {
          case "lyss", "lyss-audit" -> LoggingPipelines.lyssFile(file);
          case "lyss-audit-wait" -> LoggingPipelines.lyssFile(file, 1000);
          case "logstash" -> LoggingPipelines.logstashFile(file, false);
          case "logstash-blocking" -> LoggingPipelines.logstashFile(file, true);
          case "disruptor" -> LoggingPipelines.disruptorFile(file, false);
          case "disruptor-blocking" -> LoggingPipelines.disruptorFile(file, true);
          default ->
              throw new IllegalArgumentException(
                  "--pipeline must be lyss, logstash, lyss-audit, lyss-audit-wait, logstash-blocking,"
                      + " disruptor or disruptor-blocking (was '"
                      + pipeline
                      + "')");
        };
    try {
      run(pipeline, context, file, threads, audit, warmup, measure);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  private static void run(
      String pipeline,
      LoggerContext context,
      Path file,
      int threads,
      boolean audit,
      long warmup,
      long measure)
      throws Exception {
    Logger logger = context.getLogger("ai.lyss.bench.Handler");
    LongAdder accepted = new LongAdder();
    SaturationLoad load = new SaturationLoad(logger, audit, accepted);
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread thread = new Thread(load, "caller-" + i);
      callers.add(thread);
      thread.start();
    }
    TimeUnit.SECONDS.sleep(warmup);
    Snapshot start = Snapshot.take(accepted, file, dropped(context));
    TimeUnit.SECONDS.sleep(measure);
    Snapshot end = Snapshot.take(accepted, file, dropped(context));
    load.stop();
    for (Thread thread : callers) {
      thread.join();
    }
    long logged = accepted.sum();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (LoggingPipelines.pending(context) > 0 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    long droppedTotal = dropped(context);
    context.stop();
    LogSaturationFileCount count = LogSaturationFileCount.of(file, start.bytes(), end.bytes());
    System.out.print(
        LogSaturationReport.format(
            pipeline, threads, start, end, logged, droppedTotal, count, audit));
  }

  /** Events the Lyss appender dropped so far; -1 for the baseline, which does not count them. */
  private static long dropped(LoggerContext context) {
    return LoggingPipelines.asyncAppender(context) instanceof LyssAsyncAppender lyss
        ? lyss.getDroppedCount()
        : -1;
  }

  private static String option(List<String> args, String name, String fallback) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
  }

  /** The counters at one instant of the run. */
  record Snapshot(
      long nanos,
      long accepted,
      long bytes,
      long dropped,
      long writerCpuNanos,
      long callerCpuNanos) {
    static Snapshot take(LongAdder accepted, Path file, long dropped) throws Exception {
      return new Snapshot(
          System.nanoTime(),
          accepted.sum(),
          Files.size(file),
          dropped,
          cpuNanos(WRITER_THREADS),
          cpuNanos(List.of("caller-")));
    }

    /** CPU time of the live threads whose name starts with one of {@code prefixes}. */
    private static long cpuNanos(List<String> prefixes) {
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      long sum = 0;
      for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
        if (info != null && prefixes.stream().anyMatch(info.getThreadName()::startsWith)) {
          sum += Math.max(0, mx.getThreadCpuTime(info.getThreadId()));
        }
      }
      return sum;
    }
  }

  /**
   * Name prefixes of the pipelines' writer threads: Lyss, Logback's AsyncAppender and the disruptor
   * appender.
   */
  static final List<String> WRITER_THREADS =
      List.of("lyss-log-writer-", "AsyncAppender-Worker-", "logback-appender-");

  /** The caller threads' loop: one INFO event with 5 fields per iteration. */
  static final class SaturationLoad implements Runnable {
    private final Logger logger;
    private final boolean audit;
    private final LongAdder accepted;
    private volatile boolean running = true;

    SaturationLoad(Logger logger, boolean audit, LongAdder accepted) {
      this.logger = logger;
      this.audit = audit;
      this.accepted = accepted;
    }

    void stop() {
      running = false;
    }

    @Override
    public void run() {
      long i = 0;
      while (running) {
        var event = logger.atInfo();
        if (audit) {
          event = event.addMarker(LyssMarkers.AUDIT);
        }
        event
            .addKeyValue("method", "POST")
            .addKeyValue("path", "/v1/chat/completions")
            .addKeyValue("status_code", 200)
            .addKeyValue("duration_ms", 12.5)
            .addKeyValue("model", (i++ & 1) == 0 ? "gpt-4o" : "gpt-4o-mini")
            .log(LogSaturationFileCount.MESSAGE);
        accepted.increment();
      }
    }
  }
}
