package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.metrics.internal.LabelGuard;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CardinalityGuardTest {

  private static final int TENANTS = 100_000;

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger guardLogger = (Logger) LoggerFactory.getLogger(LabelGuard.class);
  private LyssMetrics metrics;

  @BeforeEach
  void setUp() {
    logs.start();
    guardLogger.addAppender(logs);
    metrics = LyssMetrics.builder().maxTenantsPerMetric(50).build();
  }

  @AfterEach
  void tearDown() {
    guardLogger.detachAppender(logs);
  }

  @Test
  void hundredThousandTenantsKeepTheSeriesCountBoundedAndTheTotalExact() {
    for (int i = 0; i < TENANTS; i++) {
      metrics.http().record("POST", "/v1/chat/completions", 200, "tenant-" + i, 1_000_000L);
    }

    assertThat(Recorded.search(metrics.registry(), MetricCatalog.HTTP_REQUESTS).counters())
        .hasSize(51);
    assertThat(Recorded.search(metrics.registry(), MetricCatalog.HTTP_REQUEST_DURATION).timers())
        .hasSize(51);
    assertThat(Recorded.requests(metrics.registry())).isEqualTo(TENANTS);
    assertThat(Recorded.requests(metrics.registry(), "tenant_id", LabelGuard.OVERFLOW))
        .isEqualTo(TENANTS - 50);
  }

  @Test
  void everyOverflowedRecordingIsCountedPerMetric() {
    for (int i = 0; i < 1_000; i++) {
      metrics.business().trackMessageSent("tenant-" + i, "user");
    }

    assertThat(metrics.overflowCount("messages_sent_total")).isEqualTo(950);
    assertThat(
            Recorded.counter(
                metrics.registry(),
                MetricCatalog.CARDINALITY_OVERFLOW,
                "metric",
                "messages_sent_total"))
        .isEqualTo(950);
  }

  @Test
  void admittedTenantsKeepTheirOwnSeriesAfterTheCapIsReached() {
    for (int i = 0; i < 200; i++) {
      metrics.business().trackConversationCreated("tenant-" + i);
    }
    metrics.business().trackConversationCreated("tenant-7");

    String scrape = metrics.scrape();
    assertThat(
            Exposed.parse(scrape)
                .value("conversations_created_total", Map.of("tenant_id", "tenant-7")))
        .isEqualTo(2.0);
    assertThat(
            Exposed.parse(scrape)
                .value("conversations_created_total", Map.of("tenant_id", "__overflow__")))
        .isEqualTo(150.0);
  }

  @Test
  void overflowIsLoggedOnceWithTheSettingToChange() {
    for (int i = 0; i < 500; i++) {
      metrics.business().trackUserLogin("tenant-" + i);
    }

    assertThat(logs.list).hasSize(1);
    assertThat(logs.list.get(0).getFormattedMessage())
        .contains("active_user_sessions")
        .contains("tenant_id")
        .contains("LyssMetrics.builder()");
  }

  @Test
  void unboundedEndpointsOverflowToo() {
    LyssMetrics small = LyssMetrics.builder().maxEndpointsPerMetric(10).build();
    for (int i = 0; i < 1_000; i++) {
      small.http().record("GET", "/scan/path-" + i, 401, "acme", 1_000L);
    }

    assertThat(Recorded.search(small.registry(), MetricCatalog.HTTP_REQUESTS).counters())
        .hasSize(11);
    assertThat(Recorded.requests(small.registry(), "endpoint", LabelGuard.OVERFLOW)).isEqualTo(990);
  }
}
