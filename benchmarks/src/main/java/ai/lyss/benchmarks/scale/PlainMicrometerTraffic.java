package ai.lyss.benchmarks.scale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline: the same traffic wired by hand into plain Micrometer meters with a {@code
 * tenant_id} tag and no guard, as a team would do without Lyss (same names, labels and histogram
 * buckets as the catalog), scraped with {@code PrometheusMeterRegistry.scrape}.
 */
final class PlainMicrometerTraffic implements ScaleTraffic {

  private static final Duration[] HTTP_BUCKETS =
      seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10);
  private static final Duration[] AI_BUCKETS = seconds(0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicInteger> sessions = new HashMap<>();

  @Override
  public String name() {
    return "plain Micrometer (no guard)";
  }

  @Override
  public void record(String tenant, int i) {
    http("GET", "/v1/chat/{id}", tenant, 1 + i % 50);
    http("POST", "/v1/chat/completions", tenant, 5 + i % 90);
    Tags model = Tags.of("provider", "openai", "model", "gpt-4o", "tenant_id", tenant);
    Counter.builder("ai_model_requests")
        .tags(model.and("status", "success"))
        .register(registry)
        .increment();
    Timer.builder("ai_model_latency")
        .tags(model)
        .serviceLevelObjectives(AI_BUCKETS)
        .register(registry)
        .record(200 + i % 3000, TimeUnit.MILLISECONDS);
    Counter.builder("ai_tokens_consumed")
        .tags(model.and("token_type", "input"))
        .register(registry)
        .increment(100 + i % 100);
    Counter.builder("ai_tokens_consumed")
        .tags(model.and("token_type", "output"))
        .register(registry)
        .increment(200 + i % 50);
    sessions
        .computeIfAbsent(
            tenant,
            t ->
                registry.gauge(
                    "active_user_sessions", Tags.of("tenant_id", t), new AtomicInteger()))
        .incrementAndGet();
    Counter.builder("conversations.created")
        .tag("tenant_id", tenant)
        .register(registry)
        .increment();
    Counter.builder("messages_sent")
        .tags("tenant_id", tenant, "message_type", "user")
        .register(registry)
        .increment();
  }

  private void http(String method, String endpoint, String tenant, long millis) {
    Counter.builder("http_requests")
        .tags("method", method, "endpoint", endpoint, "status", "200", "tenant_id", tenant)
        .register(registry)
        .increment();
    Timer.builder("http_request_duration")
        .tags("method", method, "endpoint", endpoint, "tenant_id", tenant)
        .serviceLevelObjectives(HTTP_BUCKETS)
        .register(registry)
        .record(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public byte[] scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    registry.scrape(out, "text/plain; version=0.0.4; charset=utf-8");
    return out.toByteArray();
  }

  @Override
  public void close() {
    registry.close();
  }

  private static Duration[] seconds(double... values) {
    Duration[] result = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
    }
    return result;
  }
}
