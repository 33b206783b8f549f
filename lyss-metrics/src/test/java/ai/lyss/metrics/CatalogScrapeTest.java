package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogScrapeTest {

  private static LyssMetrics metrics;
  private static String text;
  private static Exposed scrape;

  @BeforeAll
  static void recordEveryMetric() {
    metrics =
        LyssMetrics.builder()
            .maxTenantsPerMetric(1)
            .priceTable(PriceTable.parse("prices", "openai,gpt-4o,2.5,10,1.25,USD,2024-10-01"))
            .tenantBudgets(TenantBudgets.parse("budgets", "acme,100,USD"))
            .build();
    metrics.http().record("GET", "/v1/conversations/{id}", 200, "acme", 3_000_000L);
    metrics
        .aiModels()
        .record("openai", "gpt-4o", "acme", Duration.ofMillis(700), true, TokenUsage.split(10, 20));
    AiStream stream = metrics.aiModels().startStream("openai", "gpt-4o", "acme");
    stream.chunk();
    stream.chunk();
    stream.end(true, TokenUsage.NONE);
    metrics.aiModels().record("local", "llama", "acme", 1_000L, true, TokenUsage.total(5));
    metrics.business().trackUserLogin("acme");
    metrics.business().trackConversationCreated("acme");
    metrics.business().trackMessageSent("acme", "user");
    metrics.business().trackRevenue("acme", "pro", 12.5);
    metrics.business().setActiveConnections("postgres", "acme", 3);
    metrics.business().trackConversationCreated("second-tenant-overflows");
    text = metrics.scrape();
    scrape = Exposed.parse(text);
  }

  @Test
  void everyCatalogMetricIsExposedUnderItsExactNameWithItsHelpAndType() {
    for (MetricDefinition metric : MetricCatalog.all()) {
      String type = metric.type().name().toLowerCase(java.util.Locale.ROOT);
      assertThat(scrape.type).as(metric.name()).containsEntry(metric.name(), type);
      assertThat(scrape.help).as(metric.name()).containsEntry(metric.name(), metric.help());
    }
  }

  @Test
  void noSuffixIsDoubledOrStripped() {
    assertThat(text)
        .doesNotContain("_total_total")
        .doesNotContain("_seconds_seconds")
        .contains("\nhttp_requests_total{")
        .contains("\nhttp_request_duration_seconds_bucket{")
        .contains("\nai_model_latency_seconds_count{")
        .contains("\nactive_user_sessions{");
  }

  @Test
  void everySampleCarriesTheFullLabelSetOfItsMetric() {
    for (MetricDefinition metric : MetricCatalog.all()) {
      List<Exposed.Sample> samples = samplesOf(metric);
      assertThat(samples).as(metric.name()).isNotEmpty();
      for (Exposed.Sample sample : samples) {
        Set<String> keys = new TreeSet<>(sample.labels().keySet());
        keys.remove("le");
        assertThat(keys).as(sample.name()).isEqualTo(new TreeSet<>(metric.labelKeys()));
      }
    }
  }

  @Test
  void histogramsHaveExactlyTheCatalogBuckets() {
    for (MetricDefinition metric : MetricCatalog.all()) {
      if (metric.type() != MetricType.HISTOGRAM) {
        continue;
      }
      List<Exposed.Sample> buckets = scrape.samples(metric.name() + "_bucket");
      Map<String, String> series = new java.util.HashMap<>(buckets.get(0).labels());
      series.remove("le");
      List<Double> bounds =
          scrape.samples(metric.name() + "_bucket", series).stream()
              .map(s -> Double.parseDouble(s.labels().get("le").replace("+Inf", "Infinity")))
              .toList();
      List<Double> expected = new java.util.ArrayList<>(metric.buckets());
      expected.add(Double.POSITIVE_INFINITY);
      assertThat(bounds).as(metric.name()).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void histogramCountsTheObservationInTheRightBucket() {
    Map<String, String> labels = Map.of("method", "GET", "tenant_id", "acme");
    assertThat(scrape.value("http_request_duration_seconds_bucket", plus(labels, "le", "0.0025")))
        .isZero();
    assertThat(scrape.samples("http_request_duration_seconds_bucket", plus(labels, "le", "0.005")))
        .singleElement()
        .extracting(Exposed.Sample::value)
        .isEqualTo(1.0);
    assertThat(scrape.value("http_request_duration_seconds_sum", labels)).isEqualTo(0.003);
  }

  @Test
  void splitTokenUsageIsRecordedAsInputAndOutputOnly() {
    assertThat(scrape.value("ai_tokens_consumed_total", Map.of("token_type", "input")))
        .isEqualTo(10);
    assertThat(scrape.value("ai_tokens_consumed_total", Map.of("token_type", "output")))
        .isEqualTo(20);
    assertThat(
            scrape.samples(
                "ai_tokens_consumed_total", Map.of("model", "gpt-4o", "token_type", "total")))
        .isEmpty();
  }

  @Test
  void overflowCounterNamesTheMetricThatOverflowed() {
    assertThat(
            scrape.value(
                "lyss_metrics_cardinality_overflow_total",
                Map.of("metric", "conversations_created_total")))
        .isEqualTo(1.0);
    assertThat(scrape.value("conversations_created_total", Map.of("tenant_id", "__overflow__")))
        .isEqualTo(1.0);
  }

  private static List<Exposed.Sample> samplesOf(MetricDefinition metric) {
    if (metric.type() == MetricType.HISTOGRAM) {
      return scrape.samples.stream()
          .filter(
              s ->
                  s.name().equals(metric.name() + "_bucket")
                      || s.name().equals(metric.name() + "_sum")
                      || s.name().equals(metric.name() + "_count"))
          .toList();
    }
    return scrape.samples(metric.name());
  }

  private static Map<String, String> plus(Map<String, String> labels, String key, String value) {
    Map<String, String> copy = new java.util.HashMap<>(labels);
    copy.put(key, value);
    return copy;
  }
}
