package ai.lyss.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GrafanaDashboardTest {

  private static final Set<String> ORIGINAL_DESIGN_PANELS =
      Set.of(
          "API Request Rate",
          "API Latency Percentiles",
          "Error Rate by Endpoint",
          "Active Users by Tenant",
          "AI Model Usage",
          "Token Consumption");
  private static final Pattern RANGE = Pattern.compile("\\[([^]]*)]");

  @Test
  void dashboardIsImportableWithAFixedUid() {
    JsonNode dashboard = Dashboard.json();

    assertThat(dashboard.path("uid").asString()).isEqualTo("lyss-overview");
    assertThat(dashboard.path("title").asString()).isEqualTo("Lyss Platform Overview");
    assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
    assertThat(dashboard.at("/templating/list").isArray()).isTrue();
    assertThat(dashboard.has("id")).as("an id would clash on import").isFalse();
  }

  @Test
  void everyPanelOfTheOriginalDesignIsPresent() {
    assertThat(Dashboard.panels().stream().map(panel -> panel.get("title").asString()))
        .containsAll(ORIGINAL_DESIGN_PANELS);
  }

  @Test
  void dashboardHasErrorBudgetAndBurnRatePanels() {
    assertThat(Dashboard.panels().stream().map(panel -> panel.get("title").asString()))
        .anyMatch(title -> title.contains("Error Budget Remaining"))
        .anyMatch(title -> title.startsWith("Availability: Burn Rate"))
        .anyMatch(title -> title.startsWith("Latency: Burn Rate"));
  }

  @Test
  void everyPanelIsATimeseriesWithAUnitADescriptionAndTheDatasourceVariable() {
    assertThat(Dashboard.panels())
        .isNotEmpty()
        .allSatisfy(
            panel -> {
              String title = panel.get("title").asString();
              assertThat(panel.get("type").asString()).as(title).isEqualTo("timeseries");
              assertThat(panel.at("/fieldConfig/defaults/unit").asString()).as(title).isNotBlank();
              assertThat(panel.path("description").asString()).as(title).isNotBlank();
              assertThat(panel.at("/datasource/uid").asString())
                  .as(title)
                  .isEqualTo("${datasource}");
              assertThat(panel.get("targets").size()).as(title).isPositive();
            });
  }

  @Test
  void datasourceVariableSelectsAPrometheusDatasource() {
    JsonNode variable = Dashboard.variable("datasource");

    assertThat(variable.get("type").asString()).isEqualTo("datasource");
    assertThat(variable.get("query").asString()).isEqualTo("prometheus");
  }

  @Test
  void tenantVariableListsTheTenantsOfTheRequestMetricWithAnAllOption() {
    JsonNode variable = Dashboard.variable("tenant");

    assertThat(variable.get("type").asString()).isEqualTo("query");
    assertThat(variable.get("definition").asString())
        .isEqualTo("label_values(http_requests_total, tenant_id)");
    assertThat(variable.get("multi").asBoolean()).isTrue();
    assertThat(variable.get("includeAll").asBoolean()).isTrue();
    assertThat(variable.get("allValue").asString()).isEqualTo(".*");
  }

  @Test
  void everyRangeInAPanelQueryIsTheRateInterval() {
    for (Dashboard.Query query : Dashboard.queries()) {
      var ranges = RANGE.matcher(query.expr());
      while (ranges.find()) {
        assertThat(ranges.group(1)).as(query.panel()).isEqualTo("$__rate_interval");
      }
    }
  }

  @Test
  void everySelectorOfAMetricWithATenantLabelFiltersOnTheTenantVariable() {
    Set<String> tenantMetrics = CatalogNames.metricsWithLabel("tenant_id");
    for (Dashboard.Query query : Dashboard.queries()) {
      List<PromQlNames.Selector> selectors = PromQlNames.of(query.expr()).selectors();
      for (PromQlNames.Selector selector : selectors) {
        if (tenantMetrics.contains(selector.metric())) {
          assertThat(query.expr()).as(query.panel()).contains("tenant_id=~\"$tenant\"");
          assertThat(selector.labels()).as(query.panel()).contains("tenant_id");
        }
      }
    }
  }
}
