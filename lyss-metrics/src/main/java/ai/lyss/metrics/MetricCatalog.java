package ai.lyss.metrics;

import static ai.lyss.metrics.MetricType.COUNTER;
import static ai.lyss.metrics.MetricType.GAUGE;
import static ai.lyss.metrics.MetricType.HISTOGRAM;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The platform metric catalog (design.md §2): the one place where metric names, label keys, HELP
 * texts and buckets live. Dashboards, alert rules and the tests of {@code monitoring/} read it.
 */
public final class MetricCatalog {

  /** Label key: the HTTP method. */
  public static final String METHOD = "method";

  /** Label key: the route template or {@code @MonitorApi} name, never a raw path. */
  public static final String ENDPOINT = "endpoint";

  /** Label key: the HTTP status code as text, or {@code success}/{@code error} for AI calls. */
  public static final String STATUS = "status";

  /** Label key: the tenant, {@code unknown} when absent, {@code __overflow__} past the cap. */
  public static final String TENANT_ID = "tenant_id";

  /** Label key: the AI model provider ({@code openai}, {@code anthropic}, ...). */
  public static final String PROVIDER = "provider";

  /** Label key: the AI model name. */
  public static final String MODEL = "model";

  /**
   * Label key: {@code input}, {@code output} or {@code total} for tokens; {@code input}, {@code
   * output} or {@code cached_input} for prices.
   */
  public static final String TOKEN_TYPE = "token_type";

  /** Label key: the kind of message sent. */
  public static final String MESSAGE_TYPE = "message_type";

  /** Label key: the subscription plan the revenue belongs to. */
  public static final String PLAN_TYPE = "plan_type";

  /** Label key: the database a connection gauge describes. */
  public static final String DATABASE = "database";

  /** Label key: the ISO 4217 currency code of an amount ({@code USD}). */
  public static final String CURRENCY = "currency";

  /** Label key of the self-metric: the exposition name of the metric that overflowed. */
  public static final String METRIC = "metric";

  /** HTTP requests by method, endpoint, status and tenant. */
  public static final MetricDefinition HTTP_REQUESTS =
      counter("http_requests_total", "Total HTTP requests", METHOD, ENDPOINT, STATUS, TENANT_ID);

  /** HTTP request duration: the original buckets plus the SLO thresholds and sub-100 ms. */
  public static final MetricDefinition HTTP_REQUEST_DURATION =
      new MetricDefinition(
          "http_request_duration_seconds",
          HISTOGRAM,
          List.of(METHOD, ENDPOINT, TENANT_ID),
          "HTTP request duration",
          List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0));

  /** AI model requests, status {@code success} or {@code error}. */
  public static final MetricDefinition AI_MODEL_REQUESTS =
      counter(
          "ai_model_requests_total", "Total AI model requests", PROVIDER, MODEL, TENANT_ID, STATUS);

  /** AI model latency. */
  public static final MetricDefinition AI_MODEL_LATENCY =
      new MetricDefinition(
          "ai_model_latency_seconds",
          HISTOGRAM,
          List.of(PROVIDER, MODEL, TENANT_ID),
          "AI model response latency",
          List.of(0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0));

  /** Tokens: {@code input} and {@code output} when split, {@code total} only when not. */
  public static final MetricDefinition AI_TOKENS_CONSUMED =
      counter(
          "ai_tokens_consumed_total",
          "Total AI tokens consumed",
          PROVIDER,
          MODEL,
          TENANT_ID,
          TOKEN_TYPE);

  /**
   * Streaming calls: request sent to first chunk received. Buckets from 50 ms (a cached or small
   * model) to 30 s (a large model under load or a long prompt); the dense part, 0.25 to 3 s, is
   * where chat models' first tokens usually arrive, so p50/p95 interpolate within a narrow bucket.
   */
  public static final MetricDefinition AI_MODEL_TIME_TO_FIRST_CHUNK =
      new MetricDefinition(
          "ai_model_time_to_first_chunk_seconds",
          HISTOGRAM,
          List.of(PROVIDER, MODEL),
          "AI model streaming time from request to first chunk",
          List.of(0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 30.0));

  /**
   * Streaming calls: time between consecutive chunks. Buckets from 1 ms to 5 s: providers emit a
   * chunk every 10 to 100 ms when healthy; the upper buckets catch stalls.
   */
  public static final MetricDefinition AI_MODEL_TIME_PER_OUTPUT_CHUNK =
      new MetricDefinition(
          "ai_model_time_per_output_chunk_seconds",
          HISTOGRAM,
          List.of(PROVIDER, MODEL),
          "AI model streaming time between consecutive output chunks",
          List.of(0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0));

  /** Spend: token usage times the configured price table, in the currency's major unit. */
  public static final MetricDefinition AI_MODEL_COST =
      counter(
          "ai_model_cost_total",
          "AI model spend (token usage times the price table), in the currency's major unit",
          PROVIDER,
          MODEL,
          TENANT_ID,
          CURRENCY);

  /** The price table itself, per million tokens, by token type. */
  public static final MetricDefinition AI_MODEL_PRICE =
      gauge(
          "ai_model_price",
          "AI model price per million tokens, in the currency's major unit",
          PROVIDER,
          MODEL,
          TOKEN_TYPE,
          CURRENCY);

  /** Per-tenant budgets over a rolling 30 days. */
  public static final MetricDefinition AI_TENANT_BUDGET =
      gauge(
          "ai_tenant_budget",
          "AI spend budget of the tenant over a rolling 30 days, in the currency's major unit",
          TENANT_ID,
          CURRENCY);

  /** AI calls whose model has no price (self-metric): their spend is unknown, never zero. */
  public static final MetricDefinition AI_PRICE_MISSING =
      counter(
          "lyss_ai_price_missing_total",
          "AI model calls with no cost recorded because the price table has no price for the model"
              + " or the provider reported only a total token count",
          PROVIDER,
          MODEL);

  /** Logged-in user sessions: login +1, logout -1, never negative. */
  public static final MetricDefinition ACTIVE_USER_SESSIONS =
      gauge("active_user_sessions", "Active user sessions", TENANT_ID);

  /** Conversations created. */
  public static final MetricDefinition CONVERSATIONS_CREATED =
      counter("conversations_created_total", "Total conversations created", TENANT_ID);

  /** Messages sent, by message type. */
  public static final MetricDefinition MESSAGES_SENT =
      counter("messages_sent_total", "Total messages sent", TENANT_ID, MESSAGE_TYPE);

  /** Revenue in the currency's major unit. */
  public static final MetricDefinition REVENUE_GENERATED =
      counter(
          "revenue_generated_total",
          "Total revenue generated, in the currency's major unit",
          TENANT_ID,
          PLAN_TYPE);

  /** Open database connections by database and tenant. */
  public static final MetricDefinition ACTIVE_CONNECTIONS =
      gauge("active_connections", "Active database connections", DATABASE, TENANT_ID);

  /** Recordings redirected to {@code __overflow__} by the cardinality guard, by metric. */
  public static final MetricDefinition CARDINALITY_OVERFLOW =
      counter(
          "lyss_metrics_cardinality_overflow_total",
          "Recordings whose label value was replaced by __overflow__ because the metric reached its"
              + " distinct-value cap",
          METRIC);

  private static final Map<String, MetricDefinition> BY_NAME = index();

  private MetricCatalog() {}

  /** Every catalog metric, in catalog order. */
  public static List<MetricDefinition> all() {
    return List.copyOf(BY_NAME.values());
  }

  /**
   * The metric with this exposition name.
   *
   * @param prometheusName the exposition name ({@code http_requests_total})
   * @throws NoSuchElementException when the catalog has no such metric
   */
  public static MetricDefinition byName(String prometheusName) {
    MetricDefinition definition = BY_NAME.get(prometheusName);
    if (definition == null) {
      throw new NoSuchElementException(
          "No metric named '" + prometheusName + "' in the catalog; known: " + BY_NAME.keySet());
    }
    return definition;
  }

  private static MetricDefinition counter(String name, String help, String... labels) {
    return new MetricDefinition(name, COUNTER, List.of(labels), help, List.of());
  }

  private static MetricDefinition gauge(String name, String help, String... labels) {
    return new MetricDefinition(name, GAUGE, List.of(labels), help, List.of());
  }

  private static Map<String, MetricDefinition> index() {
    Map<String, MetricDefinition> map = new LinkedHashMap<>();
    for (MetricDefinition d :
        List.of(
            HTTP_REQUESTS,
            HTTP_REQUEST_DURATION,
            AI_MODEL_REQUESTS,
            AI_MODEL_LATENCY,
            AI_TOKENS_CONSUMED,
            ACTIVE_USER_SESSIONS,
            CONVERSATIONS_CREATED,
            MESSAGES_SENT,
            REVENUE_GENERATED,
            ACTIVE_CONNECTIONS,
            CARDINALITY_OVERFLOW,
            AI_MODEL_TIME_TO_FIRST_CHUNK,
            AI_MODEL_TIME_PER_OUTPUT_CHUNK,
            AI_MODEL_COST,
            AI_MODEL_PRICE,
            AI_TENANT_BUDGET,
            AI_PRICE_MISSING)) {
      map.put(d.name(), d);
    }
    return map;
  }
}
