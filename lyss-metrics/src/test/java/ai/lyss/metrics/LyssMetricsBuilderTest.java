package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.metrics.jdkhttp.PrometheusHandler;
import ai.lyss.metrics.servlet.PrometheusServlet;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class LyssMetricsBuilderTest {

  @Test
  void zeroTenantCapIsRejectedNamingTheSetting() {
    assertThatThrownBy(() -> LyssMetrics.builder().maxTenantsPerMetric(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxTenantsPerMetric")
        .hasMessageContaining("series budget");
  }

  @Test
  void nullRegistryIsRejectedNamingTheArgument() {
    assertThatThrownBy(() -> LyssMetrics.builder().registry(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("registry");
  }

  @Test
  void outOfRangeMappedStatusIsRejectedAtConfiguration() {
    assertThatThrownBy(() -> StatusMapper.defaults().when(IllegalStateException.class, 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100..599");
  }

  @Test
  void metricsEndpointOnANonPrometheusRegistryFailsAtStartupWithTheFix() {
    LyssMetrics metrics = LyssMetrics.builder().registry(new SimpleMeterRegistry()).build();

    assertThatThrownBy(() -> PrometheusHandler.create(metrics))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PrometheusMeterRegistry");
    assertThatThrownBy(() -> PrometheusServlet.create(metrics))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void prometheusRegistryInsideACompositeIsScraped() {
    CompositeMeterRegistry composite = new CompositeMeterRegistry();
    composite.add(new SimpleMeterRegistry());
    composite.add(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    LyssMetrics metrics = LyssMetrics.builder().registry(composite).build();

    metrics.http().record("GET", "/v1/models", 200, "acme", 1_000L);

    assertThat(metrics.scrape()).contains("http_requests_total{");
  }

  @Test
  void suppliedRegistryReceivesTheMeters() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LyssMetrics metrics = LyssMetrics.builder().registry(registry).build();

    metrics.business().trackConversationCreated("acme");

    assertThat(registry.get("conversations.created").tag("tenant_id", "acme").counter().count())
        .isEqualTo(1.0);
  }
}
