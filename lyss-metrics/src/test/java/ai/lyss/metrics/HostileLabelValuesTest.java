package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostileLabelValuesTest {

  private final LyssMetrics metrics = LyssMetrics.create();

  @Test
  void tenKilobyteValueIsCappedInTheExposition() {
    metrics.business().trackMessageSent("x".repeat(10_240), "y".repeat(10_240));

    Exposed scrape = Exposed.parse(metrics.scrape());
    Exposed.Sample sample = scrape.samples("messages_sent_total").get(0);
    assertThat(sample.labels().get("tenant_id")).hasSize(128);
    assertThat(sample.labels().get("message_type")).hasSize(128);
  }

  @Test
  void newlinesQuotesAndBackslashesNeverBreakTheExposition() {
    String hostile = "evil\"}\n# TYPE fake counter\nfake_total 1\r\\";
    metrics.http().record("GET\n", hostile, 200, hostile, 1_000L);
    metrics
        .aiModels()
        .record(hostile, hostile, hostile, Duration.ofMillis(5), true, TokenUsage.total(3));

    String text = metrics.scrape();
    assertThat(text.lines())
        .noneMatch(line -> line.startsWith("fake_total"))
        .noneMatch(line -> line.startsWith("# TYPE fake"));
    Exposed scrape = Exposed.parse(text);
    assertThat(scrape.samples("http_requests_total").get(0).labels().get("tenant_id"))
        .isEqualTo("evil\"}# TYPE fake counterfake_total 1\\");
    assertThat(scrape.samples("http_requests_total").get(0).labels().get("method"))
        .isEqualTo("_OTHER");
  }

  @Test
  void nullValuesAreRecordedAsUnknown() {
    metrics.http().record(null, null, 200, null, 1_000L);
    metrics.business().trackRevenue(null, null, 1.0);

    Exposed scrape = Exposed.parse(metrics.scrape());
    assertThat(
            scrape.value(
                "http_requests_total",
                Map.of("method", "unknown", "endpoint", "unknown", "tenant_id", "unknown")))
        .isEqualTo(1.0);
    assertThat(
            scrape.value(
                "revenue_generated_total", Map.of("tenant_id", "unknown", "plan_type", "unknown")))
        .isEqualTo(1.0);
  }

  @Test
  void invalidStatusIsRecordedAs500AndNeverThrows() {
    assertThatCode(() -> metrics.http().record("GET", "/x", -1, "acme", -5L))
        .doesNotThrowAnyException();
    assertThatCode(() -> metrics.http().record("GET", "/x", 1000, "acme", Long.MAX_VALUE))
        .doesNotThrowAnyException();

    assertThat(Recorded.requests(metrics.registry(), "endpoint", "/x", "status", "500"))
        .isEqualTo(2.0);
  }
}
