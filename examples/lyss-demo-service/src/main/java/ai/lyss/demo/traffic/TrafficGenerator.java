package ai.lyss.demo.traffic;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a steady mix of demo traffic to the service over loopback, so every dashboard panel moves:
 * several tenants and models, conversations, logins and logouts, quota exhaustion, provider
 * failures, server failures, bad requests and unknown paths.
 *
 * <p>Bounded: at most {@link #WORKERS} requests in flight and {@link #QUEUE} waiting; ticks that
 * find the queue full are skipped rather than piling up.
 */
public final class TrafficGenerator implements AutoCloseable {

  /** Concurrent requests at most. */
  static final int WORKERS = 4;

  /** Scenarios waiting for a worker at most. */
  static final int QUEUE = 8;

  private static final Logger LOG = LoggerFactory.getLogger(TrafficGenerator.class);

  private final ScheduledExecutorService ticker;
  private final ThreadPoolExecutor workers;
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
  private final LongAdder failures = new LongAdder();

  private TrafficGenerator(URI base, int perSecond, @Nullable Long seed) {
    TrafficScenarios scenarios = new TrafficScenarios(base, seed, this::record);
    ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lyss-traffic-ticker"));
    workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> daemon(r, "lyss-traffic-worker"),
            new ThreadPoolExecutor.DiscardPolicy());
    long periodMicros = 1_000_000L / perSecond;
    ticker.scheduleAtFixedRate(
        () -> workers.execute(scenarios::runOne),
        periodMicros,
        periodMicros,
        TimeUnit.MICROSECONDS);
  }

  /**
   * Starts sending traffic.
   *
   * @param base the service's loopback address, such as {@code http://127.0.0.1:8000}
   * @param perSecond scenarios started per second, 1 to 50
   * @param seed fixes the sequence of choices; {@code null} for random
   */
  public static TrafficGenerator start(URI base, int perSecond, @Nullable Long seed) {
    requireNonNull(base, "base");
    if (perSecond < 1 || perSecond > 50) {
      throw new IllegalArgumentException("perSecond must be from 1 to 50");
    }
    LOG.info(
        "Traffic generator started: about {} scenarios per second against {}", perSecond, base);
    return new TrafficGenerator(base, perSecond, seed);
  }

  private void record(int status) {
    if (status < 0) {
      failures.increment();
    } else {
      byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }
  }

  /**
   * Stops sending and lets requests in flight finish (up to a few seconds), so the server never
   * sees a request body cut off by its own load generator during a graceful stop.
   */
  @Override
  public void close() {
    ticker.shutdownNow();
    workers.shutdown();
    workers.getQueue().clear(); // scenarios not started yet are not started at all
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    Map<Integer, Long> summary = new TreeMap<>();
    byStatus.forEach((status, count) -> summary.put(status, count.sum()));
    LOG.info(
        "Traffic generator stopped: responses by status {}, {} requests without a response",
        summary,
        failures.sum());
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
