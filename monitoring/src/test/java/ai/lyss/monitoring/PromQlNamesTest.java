package ai.lyss.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlNamesTest {

  @Test
  void selectorMatchersGiveTheMetricAndItsLabels() {
    PromQlNames.Usage usage =
        PromQlNames.of("rate(http_requests_total{status=~\"5..\", tenant_id=~\"$tenant\"}[5m])");

    assertThat(usage.selectors())
        .containsExactly(
            new PromQlNames.Selector("http_requests_total", Set.of("status", "tenant_id")));
  }

  @Test
  void groupingClausesGiveLabelsAndAreNotMetrics() {
    PromQlNames.Usage usage =
        PromQlNames.of(
            "histogram_quantile(0.95, sum by (le, endpoint) (rate(x_bucket[1m]))) / on(service)"
                + " group_left(model) y");

    assertThat(usage.groupingLabels())
        .containsExactlyInAnyOrder("le", "endpoint", "service", "model");
    assertThat(usage.metrics()).containsExactlyInAnyOrder("x_bucket", "y");
  }

  @Test
  void bareMetricNamesAreFoundButFunctionsKeywordsAndNumbersAreNot() {
    PromQlNames.Usage usage =
        PromQlNames.of(
            "up == 0 and service:lyss_slo_errors:ratio_rate1h > (14.4 * 0.0005) or round(z * 1e6)"
                + " offset 5m");

    assertThat(usage.metrics())
        .containsExactlyInAnyOrder("up", "service:lyss_slo_errors:ratio_rate1h", "z");
  }

  @Test
  void nameMatcherNamesTheMetric() {
    assertThat(PromQlNames.of("{__name__=\"http_requests_total\", method=\"GET\"}").selectors())
        .containsExactly(new PromQlNames.Selector("http_requests_total", Set.of("method")));
  }
}
