package ai.lyss.metrics;

import ai.lyss.metrics.internal.LabelGuard;
import ai.lyss.metrics.internal.Meters;
import ai.lyss.metrics.internal.RecordingErrors;
import ai.lyss.metrics.internal.SeriesCache;
import io.micrometer.core.instrument.Counter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The platform's business metrics, mirroring the original design's {@code BusinessMetrics}: user
 * sessions, conversations, messages, revenue, and database connections. Every method is safe to
 * call from any thread and never throws.
 */
public final class BusinessMetrics {

  private final SeriesCache<AtomicLong> sessions;
  private final SeriesCache<DoubleConsumer> conversations;
  private final SeriesCache<Counter> messages;
  private final SeriesCache<Counter> revenue;
  private final SeriesCache<AtomicLong> connections;

  BusinessMetrics(
      Meters meters, int maxValues, int maxTenants, Map<String, List<Counter>> overflow) {
    MetricDefinition s = MetricCatalog.ACTIVE_USER_SESSIONS;
    sessions =
        new SeriesCache<>(tenants(s, maxTenants, overflow), null, (t, u) -> meters.gauge(s, t));
    MetricDefinition c = MetricCatalog.CONVERSATIONS_CREATED;
    conversations =
        new SeriesCache<>(
            tenants(c, maxTenants, overflow), null, (t, u) -> meters.increments(c, t));
    MetricDefinition m = MetricCatalog.MESSAGES_SENT;
    messages =
        new SeriesCache<>(
            tenants(m, maxTenants, overflow),
            guard(m, MetricCatalog.MESSAGE_TYPE, maxValues, overflow),
            (t, type) -> meters.counter(m, t, type));
    MetricDefinition r = MetricCatalog.REVENUE_GENERATED;
    revenue =
        new SeriesCache<>(
            tenants(r, maxTenants, overflow),
            guard(r, MetricCatalog.PLAN_TYPE, maxValues, overflow),
            (t, plan) -> meters.counter(r, t, plan));
    MetricDefinition a = MetricCatalog.ACTIVE_CONNECTIONS;
    connections =
        new SeriesCache<>(
            guard(a, MetricCatalog.DATABASE, maxValues, overflow),
            tenants(a, maxTenants, overflow),
            (db, t) -> meters.gauge(a, db, t));
  }

  /**
   * A user of the tenant logged in: {@code active_user_sessions} +1.
   *
   * @param tenantId the tenant, {@code null} gives {@code unknown}
   */
  public void trackUserLogin(@Nullable String tenantId) {
    try {
      sessions.get(tenantId).incrementAndGet();
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.ACTIVE_USER_SESSIONS.name(), e);
    }
  }

  /**
   * A user of the tenant logged out: {@code active_user_sessions} -1, never below zero (a logout
   * without a recorded login, for example after a restart, is ignored).
   *
   * @param tenantId the tenant, {@code null} gives {@code unknown}
   */
  public void trackUserLogout(@Nullable String tenantId) {
    try {
      decrementToZero(sessions.get(tenantId));
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.ACTIVE_USER_SESSIONS.name(), e);
    }
  }

  /**
   * A conversation was created: {@code conversations_created_total} +1.
   *
   * @param tenantId the tenant, {@code null} gives {@code unknown}
   */
  public void trackConversationCreated(@Nullable String tenantId) {
    try {
      conversations.get(tenantId).accept(1.0);
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.CONVERSATIONS_CREATED.name(), e);
    }
  }

  /**
   * A message was sent: {@code messages_sent_total} +1.
   *
   * @param tenantId the tenant, {@code null} gives {@code unknown}
   * @param messageType the kind of message ({@code user}, {@code assistant}, ...)
   */
  public void trackMessageSent(@Nullable String tenantId, @Nullable String messageType) {
    try {
      messages.get(tenantId, messageType).increment();
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.MESSAGES_SENT.name(), e);
    }
  }

  /**
   * Revenue was generated: {@code revenue_generated_total} + amount. A counter only grows, so
   * negative, NaN and infinite amounts are ignored (record refunds elsewhere).
   *
   * @param tenantId the tenant, {@code null} gives {@code unknown}
   * @param planType the subscription plan
   * @param amount the amount in the currency's major unit (12.50 for 12 euros 50)
   */
  public void trackRevenue(@Nullable String tenantId, @Nullable String planType, double amount) {
    if (!(amount > 0) || Double.isInfinite(amount)) {
      return;
    }
    try {
      revenue.get(tenantId, planType).increment(amount);
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.REVENUE_GENERATED.name(), e);
    }
  }

  /**
   * Sets {@code active_connections} of a database for a tenant (for example from a pool's count).
   * Negative values are recorded as zero.
   *
   * @param database the database name
   * @param tenantId the tenant, {@code null} gives {@code unknown}
   * @param count the number of open connections
   */
  public void setActiveConnections(
      @Nullable String database, @Nullable String tenantId, long count) {
    try {
      connections.get(database, tenantId).set(Math.max(0L, count));
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.ACTIVE_CONNECTIONS.name(), e);
    }
  }

  /**
   * A connection to the database was opened: {@code active_connections} +1.
   *
   * @param database the database name
   * @param tenantId the tenant, {@code null} gives {@code unknown}
   */
  public void trackConnectionOpened(@Nullable String database, @Nullable String tenantId) {
    try {
      connections.get(database, tenantId).incrementAndGet();
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.ACTIVE_CONNECTIONS.name(), e);
    }
  }

  /**
   * A connection to the database was closed: {@code active_connections} -1, never below zero.
   *
   * @param database the database name
   * @param tenantId the tenant, {@code null} gives {@code unknown}
   */
  public void trackConnectionClosed(@Nullable String database, @Nullable String tenantId) {
    try {
      decrementToZero(connections.get(database, tenantId));
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.ACTIVE_CONNECTIONS.name(), e);
    }
  }

  private static void decrementToZero(AtomicLong value) {
    value.getAndUpdate(v -> v > 0 ? v - 1 : 0);
  }

  private static LabelGuard tenants(
      MetricDefinition metric, int max, Map<String, List<Counter>> overflow) {
    return guard(metric, MetricCatalog.TENANT_ID, max, overflow);
  }

  private static LabelGuard guard(
      MetricDefinition metric, String label, int max, Map<String, List<Counter>> overflow) {
    return new LabelGuard(metric.name(), label, max, overflow.get(metric.name()));
  }
}
