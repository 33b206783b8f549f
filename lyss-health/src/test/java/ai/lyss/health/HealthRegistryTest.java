package ai.lyss.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.health.checks.RedisHealthCheck;
import ai.lyss.health.checks.TcpHealthCheck;
import ai.lyss.health.testing.HangingServer;
import ai.lyss.health.testing.MutableClock;
import ai.lyss.testing.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthRegistryTest {

  /** Released after each test so blocked check threads end. */
  private final CountDownLatch release = new CountDownLatch(1);

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    release.countDown();
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private HealthRegistry build(HealthRegistry.Builder builder) {
    HealthRegistry registry = builder.build();
    toClose.add(registry);
    return registry;
  }

  /** Blocks until released, ignoring interrupts: a check that cannot be cancelled. */
  private HealthCheck stuck(AtomicInteger runs) {
    return () -> {
      runs.incrementAndGet();
      boolean interrupted = false;
      while (true) {
        try {
          release.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return HealthCheckResult.healthy();
    };
  }

  private static HealthCheck takes(Duration d) {
    return () -> {
      new CountDownLatch(1).await(d.toMillis(), TimeUnit.MILLISECONDS); // simulated work
      return HealthCheckResult.healthy();
    };
  }

  @Test
  void aHealthyCheckIsReportedWithItsResponseTimeAndObservationTime() {
    Instant before = Instant.now();
    HealthRegistry registry =
        build(HealthRegistry.builder().register("slow", takes(Duration.ofMillis(50))));

    HealthCheckResult result = registry.report().result("slow").orElseThrow();

    assertThat(result.isHealthy()).isTrue();
    assertThat(result.responseTimeMillis()).isGreaterThanOrEqualTo(40.0);
    assertThat(result.observedAt()).isAfterOrEqualTo(before);
  }

  @Test
  void aThrowingCheckIsUnhealthyWithTheExceptionClassName() {
    HealthRegistry registry =
        build(
            HealthRegistry.builder()
                .register(
                    "broken",
                    () -> {
                      throw new IllegalStateException("pool exhausted");
                    }));

    HealthReport report = registry.report();

    assertThat(report.isHealthy()).isFalse();
    assertThat(report.result("broken").orElseThrow().error())
        .isEqualTo("IllegalStateException: pool exhausted");
  }

  @Test
  void aCheckReturningNullIsUnhealthy() {
    HealthRegistry registry = build(HealthRegistry.builder().register("null", () -> null));

    assertThat(registry.report().result("null").orElseThrow().error())
        .isEqualTo("check returned no result");
  }

  @Test
  void aCheckExceedingItsTimeoutIsUnhealthyAndInterrupted() {
    CountDownLatch interrupted = new CountDownLatch(1);
    HealthRegistry registry =
        build(
            HealthRegistry.builder()
                .register(
                    "hung",
                    () -> {
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                      }
                      return HealthCheckResult.healthy();
                    },
                    CheckOptions.readiness().timeout(Duration.ofMillis(300))));

    HealthCheckResult result = registry.report().result("hung").orElseThrow();

    assertThat(result.error()).isEqualTo("timeout after 300 ms");
    // At least the timeout; the check itself never returns, so any finite figure is the timeout's.
    assertThat(result.responseTimeMillis()).isGreaterThanOrEqualTo(250.0);
    Poll.until(
        "the hung check to be interrupted",
        Duration.ofSeconds(5),
        () -> interrupted.getCount() == 0);
  }

  @Test
  void aTimedOutBuiltInCheckHasItsSocketClosed() throws Exception {
    try (HangingServer hanging = new HangingServer()) {
      HealthRegistry registry =
          build(
              HealthRegistry.builder()
                  .defaultTimeout(Duration.ofMillis(300))
                  .register(
                      "redis",
                      RedisHealthCheck.builder("127.0.0.1", hanging.port())
                          .timeout(Duration.ofSeconds(30))
                          .build()));

      assertThat(registry.report().result("redis").orElseThrow().error())
          .isEqualTo("timeout after 300 ms");
      Poll.until(
          "the cancelled check to close its socket",
          Duration.ofSeconds(5),
          () -> hanging.closedByClientCount() == 1);
    }
  }

  @Test
  void nSlowChecksRunConcurrentlyNotOneAfterAnother() {
    // Each check is healthy only once all 8 are running at the same time: run one after another,
    // the first would wait for the others until its timeout and be reported unhealthy.
    CountDownLatch allRunning = new CountDownLatch(8);
    HealthRegistry.Builder builder =
        HealthRegistry.builder()
            .maxConcurrency(8)
            .defaultTimeout(Duration.ofSeconds(60))
            .deadline(Duration.ofSeconds(60));
    for (int i = 0; i < 8; i++) {
      builder.register(
          "slow-" + i,
          () -> {
            allRunning.countDown();
            return allRunning.await(60, TimeUnit.SECONDS)
                ? HealthCheckResult.healthy()
                : HealthCheckResult.unhealthy("ran alone");
          });
    }
    HealthRegistry registry = build(builder);

    HealthReport report = registry.report();

    assertThat(report.entries()).hasSize(8);
    assertThat(report.isHealthy()).as("all 8 checks were running at once").isTrue();
  }

  @Test
  void nHangingChecksTimeOutTogetherAfterOneTimeout() {
    AtomicInteger runs = new AtomicInteger();
    HealthRegistry.Builder builder = HealthRegistry.builder().defaultTimeout(Duration.ofSeconds(1));
    for (int i = 0; i < 6; i++) {
      builder.register("hung-" + i, stuck(runs));
    }
    HealthRegistry registry = build(builder);

    HealthReport report = registry.report();

    assertThat(report.entries())
        .allSatisfy(e -> assertThat(e.result().error()).isEqualTo("timeout after 1000 ms"));
    // A stuck check never returns: 6 runs at once prove they were not run one after another
    // (each waiting for the previous one to time out), without timing the report.
    Poll.until("all 6 hung checks running at once", Duration.ofSeconds(60), () -> runs.get() == 6);
  }

  @Test
  void theDeadlineBoundsTheReportAndOtherChecksAreStillReported() {
    HealthRegistry registry =
        build(
            HealthRegistry.builder()
                .defaultTimeout(Duration.ofSeconds(30))
                .deadline(Duration.ofSeconds(1))
                .register("hung", stuck(new AtomicInteger()))
                .register("ok", HealthCheckResult::healthy));

    long start = System.nanoTime();
    HealthReport report = registry.report(); // returns at all: the hung check never does
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(elapsedMs).as("the report waited for the deadline").isGreaterThanOrEqualTo(900L);
    assertThat(report.result("hung").orElseThrow().error()).isEqualTo("timeout after 1000 ms");
    assertThat(report.result("ok").orElseThrow().isHealthy()).isTrue();
    assertThat(report.isHealthy()).isFalse();
  }

  @Test
  void aCheckStillBlockedAfterItsTimeoutIsNotStartedAgain() {
    AtomicInteger runs = new AtomicInteger();
    HealthRegistry registry =
        build(
            HealthRegistry.builder()
                .defaultTimeout(Duration.ofMillis(200))
                .register("stuck", stuck(runs)));

    registry.report();
    HealthCheckResult second = registry.report().result("stuck").orElseThrow();

    assertThat(second.error()).isEqualTo("not run: previous run still blocked after timeout");
    assertThat(runs).hasValue(1);
  }

  @Test
  void hundredProbesWithinTheCacheTtlRunTheCheckOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    HealthRegistry registry =
        build(
            HealthRegistry.builder()
                .clock(clock)
                .cacheTtl(Duration.ofSeconds(5))
                .register(
                    "db",
                    () -> {
                      runs.incrementAndGet();
                      return HealthCheckResult.healthy();
                    }));
    ExecutorService probes = Executors.newFixedThreadPool(4);
    try {
      List<Future<HealthReport>> reports = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        reports.add(probes.submit(registry::readiness));
      }
      for (Future<HealthReport> r : reports) {
        assertThat(r.get(10, TimeUnit.SECONDS).isHealthy()).isTrue();
      }
    } finally {
      probes.shutdownNow();
    }

    assertThat(runs).hasValue(1);
  }

  @Test
  void aCachedResultExpiresAfterTheTtl() {
    AtomicInteger runs = new AtomicInteger();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    HealthRegistry registry =
        build(
            HealthRegistry.builder()
                .clock(clock)
                .cacheTtl(Duration.ofSeconds(5))
                .register(
                    "db",
                    () -> {
                      runs.incrementAndGet();
                      return HealthCheckResult.healthy();
                    }));

    registry.report();
    clock.advance(Duration.ofSeconds(4));
    registry.report();
    clock.advance(Duration.ofSeconds(2));
    HealthReport third = registry.report();

    assertThat(runs).hasValue(2);
    assertThat(third.result("db").orElseThrow().observedAt()).isEqualTo(clock.instant());
  }

  @Test
  void concurrentReportsShareOneRunEvenWithoutCache() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    HealthRegistry registry =
        build(
            HealthRegistry.builder()
                .register(
                    "db",
                    () -> {
                      runs.incrementAndGet();
                      go.await();
                      return HealthCheckResult.healthy();
                    }));
    List<HealthReport> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> probes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> reports.add(registry.report()));
      probes.add(t);
      t.start();
    }
    // Every probe is parked waiting for the run's result before the check may finish.
    Poll.until(
        "all probes to wait on the run",
        Duration.ofSeconds(10),
        () -> probes.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING));
    go.countDown();
    for (Thread t : probes) {
      t.join(10_000);
    }

    assertThat(reports).hasSize(8).allMatch(HealthReport::isHealthy);
    assertThat(runs).hasValue(1);
  }

  @Test
  void withBackgroundRefreshAChecKNeverRunIsNotReportedHealthy() {
    CountDownLatch go = new CountDownLatch(1);
    HealthRegistry registry =
        build(
            HealthRegistry.builder()
                .backgroundRefresh(Duration.ofMillis(50))
                .register(
                    "db",
                    () -> {
                      go.await();
                      return HealthCheckResult.healthy();
                    }));

    HealthCheckResult first = registry.report().result("db").orElseThrow();
    go.countDown();

    assertThat(first.isHealthy()).isFalse();
    assertThat(first.error()).isEqualTo("not checked yet");
    Poll.until(
        "the background run to finish", Duration.ofSeconds(5), () -> registry.report().isHealthy());
  }

  @Test
  void backgroundRefreshRunsChecksWithoutAnyProbe() {
    AtomicInteger runs = new AtomicInteger();
    build(
        HealthRegistry.builder()
            .backgroundRefresh(Duration.ofMillis(50))
            .register(
                "db",
                () -> {
                  runs.incrementAndGet();
                  return HealthCheckResult.healthy();
                }));

    Poll.until("three background runs", Duration.ofSeconds(10), () -> runs.get() >= 3);
  }

  @Test
  void livenessRunsOnlyLivenessChecksAndReadinessRunsAll() {
    HealthRegistry registry =
        build(
            HealthRegistry.builder()
                .register("self", HealthCheckResult::healthy, CheckOptions.liveness())
                .register("db", () -> HealthCheckResult.unhealthy("down")));

    assertThat(registry.liveness().isHealthy()).isTrue();
    assertThat(registry.liveness().entries())
        .extracting(HealthReport.Entry::name)
        .containsExactly("self");
    assertThat(registry.readiness().isHealthy()).isFalse();
    assertThat(registry.readiness().entries())
        .extracting(HealthReport.Entry::name)
        .containsExactly("self", "db");
  }

  @Test
  void aNonCriticalFailureLeavesTheReportHealthy() {
    HealthRegistry registry =
        build(
            HealthRegistry.builder()
                .register("db", HealthCheckResult::healthy)
                .register(
                    "cache",
                    () -> HealthCheckResult.unhealthy("down"),
                    CheckOptions.readiness().critical(false)));

    HealthReport report = registry.readiness();

    assertThat(report.isHealthy()).isTrue();
    assertThat(report.result("cache").orElseThrow().isHealthy()).isFalse();
  }

  @Test
  void aDependencyCheckCannotBeALivenessCheck() {
    HealthRegistry.Builder builder = HealthRegistry.builder();

    assertThatThrownBy(
            () -> builder.register("db", TcpHealthCheck.of("db", 5432), CheckOptions.liveness()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'db'")
        .hasMessageContaining("CheckOptions.readiness()");
  }

  @Test
  void badSettingsFailAtStartUpNamingTheSetting() {
    HealthRegistry.Builder builder =
        HealthRegistry.builder().register("a", HealthCheckResult::healthy);

    assertThatThrownBy(() -> builder.register("a", HealthCheckResult::healthy))
        .hasMessageContaining("registered twice");
    assertThatThrownBy(() -> builder.register("bad name!", HealthCheckResult::healthy))
        .hasMessageContaining("name 'bad name!' is invalid");
    assertThatThrownBy(() -> builder.deadline(Duration.ZERO)).hasMessageContaining("deadline");
    assertThatThrownBy(() -> builder.defaultTimeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("defaultTimeout");
    assertThatThrownBy(() -> builder.maxConcurrency(0)).hasMessageContaining("maxConcurrency");
    assertThatThrownBy(() -> builder.cacheTtl(Duration.ofSeconds(-1)))
        .hasMessageContaining("cacheTtl");
  }

  @Test
  void aFailingListenerDoesNotBreakReports() {
    HealthRegistry registry =
        build(
            HealthRegistry.builder()
                .listener(
                    (name, result) -> {
                      throw new IllegalStateException("listener bug");
                    })
                .register("db", HealthCheckResult::healthy));

    assertThat(registry.report().isHealthy()).isTrue();
  }

  @Test
  void afterCloseReportsAreUnhealthyInsteadOfThrowing() {
    HealthRegistry registry =
        HealthRegistry.builder().register("db", HealthCheckResult::healthy).build();
    registry.close();

    assertThat(registry.report().result("db").orElseThrow().error())
        .isEqualTo("not run: health registry closed");
  }
}
