package ai.lyss.benchmarks.scale;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * One-shot scale measurement (not JMH): for 1,000 / 10,000 / 100,000 distinct tenants, each in a
 * fresh registry, records every tenant's traffic once, then measures {@code /metrics} (median and
 * max time of 20 scrapes, size, series lines, distinct {@code tenant_id} values) and the heap the
 * registry holds after a full GC. Lyss (default settings) against plain Micrometer meters with a
 * {@code tenant_id} tag and no guard.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar ai.lyss.benchmarks.scale.MetricsScaleRun \
 *     [--baseline-max 10000] [--scrapes 20] [--out benchmarks/results/scale.txt]
 * }</pre>
 */
public final class MetricsScaleRun {

  private static final int WARMUP_SCRAPES = 150;
  private static final int[] TENANTS = {1_000, 10_000, 100_000};

  private MetricsScaleRun() {}

  /**
   * Runs the measurement.
   *
   * @param args {@code --baseline-max N} (largest tenant count for the unguarded baseline, default
   *     10000), {@code --scrapes N} (scrapes timed per row, default 20) and {@code --out FILE}
   *     (where the table is written too)
   */
  public static void main(String[] args) throws Exception {
    List<String> list = Arrays.asList(args);
    int baselineMax = Integer.parseInt(option(list, "--baseline-max", "10000"));
    Path out = Path.of(option(list, "--out", "benchmarks/results/scale.txt"));
    int scrapes = Integer.parseInt(option(list, "--scrapes", "20"));
    // Warm-up, not reported: loads and compiles both sides' classes so the first row does not
    // carry the JVM's one-time class loading in its heap figure, nor interpreted code in its
    // scrape times (a small scrape needs about 100 runs before the JIT has compiled it).
    measure(LyssScaleTraffic::new, 1_000, WARMUP_SCRAPES);
    measure(PlainMicrometerTraffic::new, 1_000, WARMUP_SCRAPES);
    List<String> rows = new ArrayList<>();
    rows.add(header());
    for (int tenants : TENANTS) {
      rows.add(measure(LyssScaleTraffic::new, tenants, scrapes));
    }
    for (int tenants : TENANTS) {
      if (tenants <= baselineMax) {
        rows.add(measure(PlainMicrometerTraffic::new, tenants, scrapes));
      }
    }
    String table = String.join("\n", rows) + "\n";
    String report =
        "# MetricsScaleRun: "
            + describeMachine()
            + "\n# each tenant recorded once (2 HTTP requests, 1 AI call with tokens, login,"
            + " conversation, message); scrape = Prometheus text 0.0.4, "
            + scrapes
            + " scrapes per row;\n# heap = used heap"
            + " after full GC with the registry alive minus before it was created;"
            + " baseline capped at "
            + baselineMax
            + " tenants\n"
            + table;
    System.out.print(report);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
  }

  private static String measure(Supplier<ScaleTraffic> side, int tenants, int scrapes)
      throws IOException {
    long before = usedHeapAfterGc();
    try (ScaleTraffic traffic = side.get()) {
      long recordStart = System.nanoTime();
      for (int i = 0; i < tenants; i++) {
        traffic.record("tenant-" + i, i);
      }
      long recordNanos = System.nanoTime() - recordStart;
      long heap = usedHeapAfterGc() - before;
      long[] times = new long[scrapes];
      byte[] last = new byte[0];
      for (int i = 0; i < scrapes; i++) {
        long start = System.nanoTime();
        last = traffic.scrape();
        times[i] = System.nanoTime() - start;
      }
      Arrays.sort(times);
      ScrapeStats stats = ScrapeStats.of(last);
      return String.format(
          "| %-27s | %,7d | %,9.1f | %,9.1f | %,10.1f | %,11d | %,9d | %,9d | %,8.1f | %,9.1f |",
          traffic.name(),
          tenants,
          times[scrapes / 2] / 1e6,
          times[scrapes - 1] / 1e6,
          stats.bytes() / 1024.0,
          stats.seriesLines(),
          stats.distinctTenants(),
          stats.maxTenantsPerMetric(),
          heap / 1024.0 / 1024.0,
          recordNanos / 1e6);
    }
  }

  private static String header() {
    return "| side                        | tenants | scrape ms | scrape ms | scrape KiB | series"
        + " lines | tenant_id | tenant_id | heap MiB | record ms |\n"
        + "|                             |         |    median |       max |            |       "
        + "      | distinct  | max/metric|          | (all)     |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
  }

  private static long usedHeapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static String describeMachine() {
    Runtime runtime = Runtime.getRuntime();
    return "JDK "
        + System.getProperty("java.version")
        + ", "
        + runtime.availableProcessors()
        + " CPUs, max heap "
        + runtime.maxMemory() / 1024 / 1024
        + " MiB, GC "
        + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName();
  }

  private static String option(List<String> args, String name, String fallback) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
  }
}
