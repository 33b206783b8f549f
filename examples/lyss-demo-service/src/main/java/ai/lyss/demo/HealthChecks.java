package ai.lyss.demo;

import ai.lyss.demo.gateway.ProviderHealth;
import ai.lyss.health.CheckOptions;
import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.HealthRegistry;
import ai.lyss.health.checks.JdbcHealthCheck;
import ai.lyss.health.checks.RedisHealthCheck;
import ai.lyss.health.micrometer.HealthMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The demo's health checks: its own HTTP workers, the model provider, and configured stores. */
final class HealthChecks {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private HealthChecks() {}

  static HealthRegistry create(
      DemoConfig config, ProviderHealth provider, QueuedThreadPool threads, MeterRegistry meters) {
    HealthRegistry.Builder health =
        HealthRegistry.builder()
            .defaultTimeout(TIMEOUT)
            .deadline(TIMEOUT.plusSeconds(1))
            .cacheTtl(Duration.ofSeconds(1))
            .listener(HealthMetrics.create(meters));
    // Liveness: only the process itself. A stuck worker pool is worth a restart.
    health.register(
        "http-workers",
        () ->
            threads.isLowOnThreads()
                ? HealthCheckResult.unhealthy("HTTP worker pool exhausted")
                : HealthCheckResult.healthy(),
        CheckOptions.liveness());
    // Readiness: the provider's recent outcomes; non-critical, as the gateway still serves.
    health.register("model-provider", provider, CheckOptions.readiness().critical(false));
    if (config.postgresUrl != null) {
      health.register("postgres", postgres(config.postgresUrl), CheckOptions.readiness());
    }
    if (config.redisUrl != null) {
      health.register("redis", redis(config.redisUrl), CheckOptions.readiness());
    }
    return health.build();
  }

  private static JdbcHealthCheck postgres(String url) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "Invalid --postgres-url / LYSS_POSTGRES_URL: use a JDBC URL such as"
              + " jdbc:postgresql://localhost:5432/postgres?user=postgres&password=...");
    }
    return JdbcHealthCheck.builder(url).timeout(TIMEOUT).build();
  }

  private static RedisHealthCheck redis(String url) {
    try {
      return RedisHealthCheck.builder(URI.create(url)).timeout(TIMEOUT).build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid --redis-url / LYSS_REDIS_URL: use redis://[password@]host:port, for example"
              + " redis://localhost:6379",
          e);
    }
  }
}
