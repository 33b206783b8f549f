package ai.lyss.monitoring;

import ai.lyss.core.RouteTemplates;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.jdkhttp.LyssHttpFilter;
import ai.lyss.metrics.AiStream;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.PriceTable;
import ai.lyss.metrics.TenantBudgets;
import ai.lyss.metrics.TokenUsage;
import ai.lyss.metrics.jdkhttp.PrometheusHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * A small service instrumented with lyss-metrics the way a Lyss service is (JDK HttpServer, {@link
 * LyssHttpFilter} with the metrics observer, {@link PrometheusHandler} on /metrics), whose
 * endpoints misbehave on purpose:
 *
 * <ul>
 *   <li>{@code GET /v1/conversations/{id}}: 200 at once (healthy);
 *   <li>{@code POST /v1/chat/completions}: the AI provider fails, 502;
 *   <li>{@code GET /v1/reports/{id}}: 200 after 600 ms (slower than both latency objectives);
 *   <li>any request of tenant {@code greedy}: 429, its quota is exhausted.
 * </ul>
 *
 * The healthy endpoint also records conversations, messages, logins and a successful streamed AI
 * call with token usage and cost, so that every dashboard panel has data; tenant acme's budget is
 * tiny, so its spend passes it. The failing AI calls go to a model without a price. The service
 * reports 90 connections to database {@code lyss_main}.
 */
final class FailingService implements AutoCloseable {

  static final String QUOTA_EXHAUSTED_TENANT = "greedy";
  static final Duration SLOW_RESPONSE = Duration.ofMillis(600);

  /** acme's budget is spent by its first conversation; globex's is out of reach. */
  static final String OVER_BUDGET_TENANT = "acme";

  private final LyssMetrics metrics =
      LyssMetrics.builder()
          .priceTable(
              PriceTable.parse("prices", "openai,gpt-4o-mini,0.15,0.60,0.075,USD,2024-07-18"))
          .tenantBudgets(TenantBudgets.parse("budgets", "acme,0.000001,USD\nglobex,1000000,USD"))
          .build();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);

  FailingService() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", PrometheusHandler.create(metrics));
    // One context per route, each handler naming its route template as a router would.
    route("/v1/chat/completions", "/v1/chat/completions", this::chatCompletion);
    route("/v1/reports/", "/v1/reports/{id}", tenant -> slowReport());
    route("/v1/conversations/", "/v1/conversations/{id}", this::conversation);
    server.setExecutor(executor);
    metrics.business().setActiveConnections("lyss_main", "acme", 50);
    metrics.business().setActiveConnections("lyss_main", "globex", 40);
    server.start();
  }

  /** The port the service listens on (loopback). */
  int port() {
    return server.getAddress().getPort();
  }

  private void route(String prefix, String template, ToIntFunction<String> behaviour) {
    server
        .createContext(
            prefix,
            exchange -> {
              exchange.setAttribute(RouteTemplates.ROUTE_ATTRIBUTE, template);
              String tenant = exchange.getRequestHeaders().getFirst("X-Tenant-ID");
              int status =
                  QUOTA_EXHAUSTED_TENANT.equals(tenant) ? 429 : behaviour.applyAsInt(tenant);
              respond(exchange, status);
            })
        .getFilters()
        .add(new LyssHttpFilter(HttpPipeline.builder().observer(metrics.httpObserver()).build()));
  }

  private static void respond(HttpExchange exchange, int status) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** Healthy, and feeds the business, session and token panels of the dashboard. */
  private int conversation(String tenant) {
    metrics.business().trackConversationCreated(tenant);
    metrics.business().trackMessageSent(tenant, "user");
    metrics.business().trackUserLogin(tenant);
    // A streamed answer of three chunks, priced (the spend and streaming panels).
    AiStream stream = metrics.aiModels().startStream("openai", "gpt-4o-mini", tenant);
    stream.chunk();
    stream.chunk();
    stream.chunk();
    stream.end(true, TokenUsage.split(12, 30));
    return 200;
  }

  private int chatCompletion(String tenant) {
    metrics
        .aiModels()
        .record("openai", "gpt-4o", tenant, Duration.ofMillis(40), false, TokenUsage.NONE);
    return 502;
  }

  private static int slowReport() {
    // The service's own slowness under test, not a test waiting for something.
    try {
      Thread.sleep(SLOW_RESPONSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 503;
    }
    return 200;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
