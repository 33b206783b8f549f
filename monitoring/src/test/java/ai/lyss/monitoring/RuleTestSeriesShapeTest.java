package ai.lyss.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.PriceTable;
import ai.lyss.metrics.TenantBudgets;
import ai.lyss.metrics.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The promtool unit tests only prove something if their input series look exactly like what
 * lyss-metrics exposes. The reference is a real scrape of {@link LyssMetrics} after recording one
 * of everything: same series names, same label keys (plus the target labels Prometheus adds), the
 * same {@code le} values, status codes as text.
 */
class RuleTestSeriesShapeTest {

  private static Map<String, Set<String>> labelKeysByName;
  private static Map<String, Set<String>> leValuesByHistogram;

  @BeforeAll
  static void scrapeTheLibrary() {
    LyssMetrics metrics =
        LyssMetrics.builder()
            .priceTable(PriceTable.parse("prices", "openai,gpt-4o,2.5,10,1.25,USD,2024-10-01"))
            .tenantBudgets(TenantBudgets.parse("budgets", "acme,100,USD"))
            .build();
    metrics.http().record("POST", "/v1/chat/completions", 200, "acme", 3_000_000L);
    metrics.http().record("POST", "/v1/chat/completions", 503, "acme", 300_000_000L);
    metrics
        .aiModels()
        .record("openai", "gpt-4o", "acme", Duration.ofMillis(700), true, TokenUsage.split(10, 20));
    metrics.business().trackUserLogin("acme");
    metrics.business().trackConversationCreated("acme");
    metrics.business().trackMessageSent("acme", "user");
    metrics.business().trackRevenue("acme", "pro", 9.5);
    metrics.business().trackConnectionOpened("lyss_main", "acme");

    labelKeysByName = new HashMap<>();
    leValuesByHistogram = new HashMap<>();
    for (ExpositionSeries series : ExpositionSeries.parseExposition(metrics.scrape())) {
      labelKeysByName.put(series.name(), series.labels().keySet());
      if (series.name().endsWith("_bucket")) {
        leValuesByHistogram
            .computeIfAbsent(series.name(), name -> new TreeSet<>())
            .add(series.labels().get("le"));
      }
    }
  }

  @Test
  void theScrapeOfTheLibraryExposesTheCatalogHistogramBuckets() {
    assertThat(leValuesByHistogram.get("http_request_duration_seconds_bucket"))
        .hasSize(ai.lyss.metrics.MetricCatalog.HTTP_REQUEST_DURATION.buckets().size() + 1)
        .contains("0.2", "0.5", "+Inf");
  }

  @Test
  void everyCatalogSeriesOfTheUnitTestsHasTheLibrarysLabelKeysPlusTargetLabels() {
    List<String> problems = new ArrayList<>();
    for (ExpositionSeries series : inputSeries()) {
      Set<String> expected = labelKeysByName.get(series.name());
      if (expected == null) {
        if (!CatalogNames.INFRASTRUCTURE_METRICS.contains(series.name())) {
          problems.add(series + ": not a series the library exposes");
        }
        continue;
      }
      Set<String> keys = new TreeSet<>(series.labels().keySet());
      keys.removeAll(Set.of("job", "instance", "service"));
      if (!keys.equals(new TreeSet<>(expected))) {
        problems.add(series + ": label keys " + keys + ", the library exposes " + expected);
      }
      if (!series.labels().keySet().containsAll(Set.of("job", "instance", "service"))) {
        problems.add(series + ": lacks the job, instance and service target labels");
      }
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void everyHistogramOfTheUnitTestsHasExactlyTheLibrarysBuckets() {
    Map<String, Set<String>> leByHistogram = new LinkedHashMap<>();
    for (ExpositionSeries series : inputSeries()) {
      if (series.name().endsWith("_bucket")) {
        leByHistogram
            .computeIfAbsent(series.name() + series.labelsWithoutLe(), key -> new TreeSet<>())
            .add(series.labels().get("le"));
      }
    }

    assertThat(leByHistogram).isNotEmpty();
    leByHistogram.forEach(
        (histogram, le) ->
            assertThat(le)
                .as(histogram)
                .isEqualTo(
                    leValuesByHistogram.get(histogram.substring(0, histogram.indexOf('{')))));
  }

  @Test
  void httpStatusOfTheUnitTestsIsTheNumericCodeAsText() {
    assertThat(inputSeries())
        .filteredOn(series -> series.name().equals("http_requests_total"))
        .isNotEmpty()
        .allSatisfy(series -> assertThat(series.labels().get("status")).matches("[1-5][0-9][0-9]"));
  }

  private static List<ExpositionSeries> inputSeries() {
    List<ExpositionSeries> series = new ArrayList<>();
    for (var file : MonitoringFiles.RULE_TESTS) {
      for (JsonNode test : MonitoringFiles.yaml(file).get("tests")) {
        for (JsonNode input : test.get("input_series")) {
          series.add(ExpositionSeries.parse(input.get("series").asString()));
        }
      }
    }
    return series;
  }
}
