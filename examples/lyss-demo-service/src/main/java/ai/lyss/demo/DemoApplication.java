package ai.lyss.demo;

import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.servlet.LyssServletFilter;
import ai.lyss.demo.debug.RecentSpans;
import ai.lyss.demo.debug.TracesServlet;
import ai.lyss.demo.gateway.ChatGateway;
import ai.lyss.demo.gateway.ChatService;
import ai.lyss.demo.gateway.ConversationGateway;
import ai.lyss.demo.gateway.ConversationService;
import ai.lyss.demo.gateway.ModelCalls;
import ai.lyss.demo.gateway.ProviderHealth;
import ai.lyss.demo.gateway.SessionGateway;
import ai.lyss.demo.gateway.SessionService;
import ai.lyss.demo.gateway.SimulatedModelProvider;
import ai.lyss.demo.gateway.TenantQuota;
import ai.lyss.demo.http.ApiServlet;
import ai.lyss.demo.http.NotFoundServlet;
import ai.lyss.health.HealthRegistry;
import ai.lyss.health.servlet.HealthServlet;
import ai.lyss.logging.RequestLogging;
import ai.lyss.logging.micrometer.LoggingMetrics;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.MonitoredProxy;
import ai.lyss.metrics.servlet.PrometheusServlet;
import ai.lyss.tracing.GenAiSpans;
import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.TracedProxy;
import ai.lyss.tracing.micrometer.TracingMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Wires the gateway the way a platform team would: tracing, request logging and metrics as servlet
 * filters around the API; {@code @MonitorApi} and {@code @Traced} service interfaces behind the
 * plain-Java proxies; business and AI metrics from the services; {@code /metrics}, {@code
 * /health/*} and {@code /debug/traces} beside the API, outside the filters so scrapes and probes do
 * not count as traffic.
 */
final class DemoApplication implements AutoCloseable {

  private static final String API = "api";
  private static final String NOT_FOUND = "not-found";

  private final ServletContextHandler context;
  private final QueuedThreadPool threads;
  private final LyssTracing tracing;
  private final HealthRegistry health;
  private final JvmGcMetrics gcMetrics;

  private DemoApplication(
      ServletContextHandler context,
      QueuedThreadPool threads,
      LyssTracing tracing,
      HealthRegistry health,
      JvmGcMetrics gcMetrics) {
    this.context = context;
    this.threads = threads;
    this.tracing = tracing;
    this.health = health;
    this.gcMetrics = gcMetrics;
  }

  static DemoApplication create(DemoConfig config, Map<String, String> env) {
    RecentSpans recentSpans = new RecentSpans();
    LyssTracing tracing =
        LyssTracing.builder()
            .serviceName(env.getOrDefault("LYSS_SERVICE_NAME", DemoInfo.SERVICE))
            .serviceVersion(DemoInfo.VERSION)
            .environment(env.getOrDefault("LYSS_ENVIRONMENT", "demo"))
            // Export OTLP only when a collector is configured; /debug/traces always works.
            .otlpExport(
                env.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
                    || env.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
            .addSpanProcessor(SimpleSpanProcessor.create(recentSpans))
            .build();
    // Exemplars on (the default): histogram buckets carry the trace id of a request they counted.
    // Spend: token usage times the price table, against the tenants' budgets.
    LyssMetrics metrics =
        LyssMetrics.builder().priceTable(config.prices).tenantBudgets(config.budgets).build();
    MeterRegistry registry = metrics.registry();
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new TracingMetrics(tracing).bindTo(registry);
    LoggingMetrics.create().bindTo(registry);

    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("http");
    ProviderHealth providerHealth = new ProviderHealth();
    HealthRegistry health = HealthChecks.create(config, providerHealth, threads, registry);

    Clock clock = Clock.systemUTC();
    SimulatedModelProvider provider =
        new SimulatedModelProvider(
            config.providerLatencyMs, config.providerFailureRate, config.seed);
    ModelCalls models =
        new ModelCalls(provider, metrics.aiModels(), GenAiSpans.create(tracing), providerHealth);
    TenantQuota quota =
        new TenantQuota(
            config.quota, Duration.ofSeconds(config.quotaWindowSeconds), System::nanoTime);
    ChatService chat =
        instrument(
            ChatService.class,
            new ChatGateway(models, quota, metrics.business(), clock),
            metrics,
            tracing);
    ConversationService conversations =
        instrument(
            ConversationService.class,
            new ConversationGateway(
                DemoDatabase.conversations(config, tracing), metrics.business(), clock),
            metrics,
            tracing);
    SessionService sessions =
        instrument(
            SessionService.class, new SessionGateway(metrics.business(), clock), metrics, tracing);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(
        new ServletHolder(API, new ApiServlet(chat, conversations, sessions)), "/v1/*");
    context.addServlet(new ServletHolder("metrics", PrometheusServlet.create(metrics)), "/metrics");
    context.addServlet(new ServletHolder("health", HealthServlet.of(health)), "/health/*");
    context.addServlet(
        new ServletHolder("traces", new TracesServlet(recentSpans)), "/debug/traces");
    context.addServlet(new ServletHolder(NOT_FOUND, new NotFoundServlet()), "/");
    // One filter for every signal; the pipeline orders them (span current while the request is
    // logged and measured, so log lines carry trace_id and histogram buckets get exemplars).
    HttpPipeline pipeline =
        HttpPipeline.builder()
            .observer(tracing.httpObserver())
            .observer(RequestLogging.observer())
            .observer(metrics.httpObserver())
            .build();
    filter(context, "lyss", new LyssServletFilter(pipeline));
    return new DemoApplication(context, threads, tracing, health, gcMetrics);
  }

  private static <T> T instrument(
      Class<T> type, T service, LyssMetrics metrics, LyssTracing tracing) {
    // Tracing innermost, so the span names the real implementation (code.function.name).
    return MonitoredProxy.create(type, TracedProxy.create(type, service, tracing), metrics);
  }

  private static void filter(ServletContextHandler context, String name, Filter filter) {
    FilterHolder holder = new FilterHolder(filter);
    holder.setName(name);
    FilterMapping mapping = new FilterMapping();
    mapping.setFilterName(name);
    mapping.setServletNames(new String[] {API, NOT_FOUND});
    mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    context.getServletHandler().addFilter(holder, mapping);
  }

  Handler handler() {
    return context;
  }

  QueuedThreadPool threads() {
    return threads;
  }

  /** How spans leave the process, for the start-up log. */
  String tracingSummary() {
    return tracing.toString();
  }

  /** Stops the health checks' threads and flushes the last spans. */
  @Override
  public void close() {
    health.close();
    gcMetrics.close();
    tracing.close();
  }
}
