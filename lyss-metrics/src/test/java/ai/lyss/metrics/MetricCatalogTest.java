package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class MetricCatalogTest {

  @Test
  void catalogHoldsExactlyTheMetricsOfTheDesign() {
    assertThat(MetricCatalog.all())
        .extracting(MetricDefinition::name)
        .containsExactly(
            "http_requests_total",
            "http_request_duration_seconds",
            "ai_model_requests_total",
            "ai_model_latency_seconds",
            "ai_tokens_consumed_total",
            "active_user_sessions",
            "conversations_created_total",
            "messages_sent_total",
            "revenue_generated_total",
            "active_connections",
            "lyss_metrics_cardinality_overflow_total",
            "ai_model_time_to_first_chunk_seconds",
            "ai_model_time_per_output_chunk_seconds",
            "ai_model_cost_total",
            "ai_model_price",
            "ai_tenant_budget",
            "lyss_ai_price_missing_total");
  }

  @Test
  void byNameFindsAMetricByItsExpositionName() {
    MetricDefinition metric = MetricCatalog.byName("ai_tokens_consumed_total");

    assertThat(metric.type()).isEqualTo(MetricType.COUNTER);
    assertThat(metric.labelKeys()).containsExactly("provider", "model", "tenant_id", "token_type");
    assertThat(metric.buckets()).isEmpty();
  }

  @Test
  void byNameOfAnUnknownMetricNamesTheKnownOnes() {
    assertThatThrownBy(() -> MetricCatalog.byName("http_requests"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("http_requests_total");
  }

  @Test
  void histogramsListTheDesignBuckets() {
    assertThat(MetricCatalog.byName("http_request_duration_seconds").buckets())
        .containsExactly(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0);
    assertThat(MetricCatalog.byName("ai_model_latency_seconds").buckets())
        .containsExactly(0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0);
  }

  @Test
  void meterNamesDropTheSuffixThePrometheusConventionAddsBack() {
    assertThat(MetricCatalog.HTTP_REQUESTS.meterName()).isEqualTo("http.requests");
    assertThat(MetricCatalog.HTTP_REQUEST_DURATION.meterName()).isEqualTo("http.request.duration");
    assertThat(MetricCatalog.ACTIVE_USER_SESSIONS.meterName()).isEqualTo("active.user.sessions");
  }

  @Test
  void bucketsOnANonHistogramAreRejected() {
    assertThatThrownBy(
            () ->
                new MetricDefinition(
                    "x_total",
                    MetricType.COUNTER,
                    java.util.List.of(),
                    "x",
                    java.util.List.of(1.0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
