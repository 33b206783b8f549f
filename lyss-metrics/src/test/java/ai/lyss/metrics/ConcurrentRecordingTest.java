package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentRecordingTest {

  private static final int THREADS = 8;
  private static final int CALLS = 20_000;

  @Test
  void eightThreadsRecordingTheSameAndNewSeriesLoseNoIncrement() throws Exception {
    LyssMetrics metrics = LyssMetrics.builder().maxTenantsPerMetric(20).build();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < CALLS; i++) {
                  metrics.http().record("GET", "/v1/models", 200, "tenant-" + (i % 40), 1_000L);
                  metrics.business().trackUserLogin("tenant-" + (i % 40));
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> future : futures) {
      future.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(Recorded.requests(metrics.registry())).isEqualTo((double) THREADS * CALLS);
    assertThat(Recorded.timed(metrics.registry())).isEqualTo((long) THREADS * CALLS);
    double sessions =
        Recorded.search(metrics.registry(), MetricCatalog.ACTIVE_USER_SESSIONS).gauges().stream()
            .mapToDouble(g -> g.value())
            .sum();
    assertThat(sessions).isEqualTo((double) THREADS * CALLS);
    assertThat(Recorded.search(metrics.registry(), MetricCatalog.HTTP_REQUESTS).counters())
        .hasSize(21);
  }
}
