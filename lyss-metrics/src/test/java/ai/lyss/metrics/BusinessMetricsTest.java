package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessMetricsTest {

  private final LyssMetrics metrics = LyssMetrics.create();
  private final BusinessMetrics business = metrics.business();

  private double value(String name, Map<String, String> labels) {
    return Exposed.parse(metrics.scrape()).value(name, labels);
  }

  @Test
  void loginAndLogoutMoveTheSessionsGauge() {
    business.trackUserLogin("acme");
    business.trackUserLogin("acme");
    business.trackUserLogout("acme");

    assertThat(value("active_user_sessions", Map.of("tenant_id", "acme"))).isEqualTo(1.0);
  }

  @Test
  void logoutWithoutLoginNeverMakesTheSessionsGaugeNegative() {
    business.trackUserLogout("acme");
    business.trackUserLogout("acme");
    business.trackUserLogin("acme");

    assertThat(value("active_user_sessions", Map.of("tenant_id", "acme"))).isEqualTo(1.0);
  }

  @Test
  void conversationsAndMessagesAreCountedPerTenantAndType() {
    business.trackConversationCreated("acme");
    business.trackMessageSent("acme", "user");
    business.trackMessageSent("acme", "user");
    business.trackMessageSent("acme", "assistant");

    assertThat(value("conversations_created_total", Map.of("tenant_id", "acme"))).isEqualTo(1.0);
    assertThat(value("messages_sent_total", Map.of("message_type", "user"))).isEqualTo(2.0);
    assertThat(value("messages_sent_total", Map.of("message_type", "assistant"))).isEqualTo(1.0);
  }

  @Test
  void revenueAddsPositiveAmountsAndIgnoresInvalidOnes() {
    business.trackRevenue("acme", "pro", 12.5);
    business.trackRevenue("acme", "pro", 7.5);
    business.trackRevenue("acme", "pro", -3);
    business.trackRevenue("acme", "pro", Double.NaN);
    business.trackRevenue("acme", "pro", Double.POSITIVE_INFINITY);

    assertThat(value("revenue_generated_total", Map.of("tenant_id", "acme", "plan_type", "pro")))
        .isEqualTo(20.0);
  }

  @Test
  void connectionsGaugeIsPerDatabaseAndNeverNegative() {
    business.setActiveConnections("postgres", "acme", 5);
    business.trackConnectionOpened("redis", "acme");
    business.trackConnectionClosed("redis", "acme");
    business.trackConnectionClosed("redis", "acme");

    assertThat(value("active_connections", Map.of("database", "postgres"))).isEqualTo(5.0);
    assertThat(value("active_connections", Map.of("database", "redis"))).isZero();
  }
}
