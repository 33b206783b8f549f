package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpendTest {

  private static final ModelPrice GPT_4O =
      new ModelPrice("openai", "gpt-4o", 2.50, 10.00, 1.25, "USD", LocalDate.of(2024, 10, 1));

  private final LyssMetrics metrics =
      LyssMetrics.builder()
          .priceTable(PriceTable.of(List.of(GPT_4O)))
          .tenantBudgets(TenantBudgets.of(List.of(new TenantBudgets.Budget("acme", 500, "USD"))))
          .build();

  private Exposed scrape() {
    return Exposed.parse(metrics.scrape());
  }

  @Test
  void costIsUsageTimesThePricePerMillionWithCachedInputAtTheCachedPrice() {
    metrics
        .aiModels()
        .record("openai", "gpt-4o", "acme", 1_000L, true, TokenUsage.split(1000, 200, 400));

    double expected = (600 * 2.50 + 400 * 1.25 + 200 * 10.00) / 1e6;
    assertThat(
            scrape()
                .value(
                    "ai_model_cost_total",
                    Map.of("provider", "openai", "tenant_id", "acme", "currency", "USD")))
        .isCloseTo(expected, within(1e-12));
  }

  @Test
  void costAddsUpOverCalls() {
    for (int i = 0; i < 3; i++) {
      metrics
          .aiModels()
          .record("openai", "gpt-4o", "acme", 1_000L, true, TokenUsage.split(100, 50));
    }

    assertThat(scrape().value("ai_model_cost_total", Map.of()))
        .isCloseTo(3 * (100 * 2.50 + 50 * 10.00) / 1e6, within(1e-12));
  }

  @Test
  void aModelWithNoPriceIsCountedAsMissingAndGetsNoCost() {
    metrics.aiModels().record("local", "llama", "acme", 1_000L, true, TokenUsage.split(100, 50));

    Exposed scrape = scrape();
    assertThat(scrape.value("lyss_ai_price_missing_total", Map.of("model", "llama"))).isEqualTo(1);
    assertThat(scrape.samples("ai_model_cost_total", Map.of("model", "llama"))).isEmpty();
  }

  @Test
  void aTotalOnlyUsageIsCountedAsMissingAPriceEvenForAPricedModel() {
    metrics.aiModels().record("openai", "gpt-4o", "acme", 1_000L, true, TokenUsage.total(150));

    Exposed scrape = scrape();
    assertThat(scrape.value("lyss_ai_price_missing_total", Map.of("model", "gpt-4o"))).isEqualTo(1);
    assertThat(scrape.value("ai_model_cost_total", Map.of())).isZero();
  }

  @Test
  void aFailedCallWithNoTokensCostsNothingAndIsNotMissingAPrice() {
    metrics.aiModels().record("openai", "gpt-4o", "acme", 1_000L, false, TokenUsage.NONE);

    assertThat(scrape().samples("lyss_ai_price_missing_total")).isEmpty();
  }

  @Test
  void thePriceTableIsExportedPerMillionTokensByTokenType() {
    Exposed scrape = scrape();

    assertThat(scrape.value("ai_model_price", Map.of("token_type", "input", "currency", "USD")))
        .isEqualTo(2.50);
    assertThat(scrape.value("ai_model_price", Map.of("token_type", "output"))).isEqualTo(10.00);
    assertThat(scrape.value("ai_model_price", Map.of("token_type", "cached_input")))
        .isEqualTo(1.25);
  }

  @Test
  void budgetsAreExportedPerTenantAndCurrency() {
    assertThat(scrape().value("ai_tenant_budget", Map.of("tenant_id", "acme", "currency", "USD")))
        .isEqualTo(500);
  }

  @Test
  void budgetedTenantsHaveASpendSeriesAtZeroBeforeTheirFirstCall() {
    assertThat(
            scrape()
                .samples(
                    "ai_model_cost_total",
                    Map.of("tenant_id", "acme", "model", "gpt-4o", "currency", "USD")))
        .singleElement()
        .extracting(Exposed.Sample::value)
        .isEqualTo(0.0);
  }

  @Test
  void spendOfTenantsPastTheCapGoesToOverflowAndBudgetedTenantsKeepTheirSeries() {
    LyssMetrics capped =
        LyssMetrics.builder()
            .maxTenantsPerMetric(1)
            .priceTable(PriceTable.of(List.of(GPT_4O)))
            .tenantBudgets(TenantBudgets.of(List.of(new TenantBudgets.Budget("acme", 5, "USD"))))
            .build();
    capped.aiModels().record("openai", "gpt-4o", "other", 1_000L, true, TokenUsage.split(10, 10));
    capped.aiModels().record("openai", "gpt-4o", "acme", 1_000L, true, TokenUsage.split(10, 10));

    Exposed scrape = Exposed.parse(capped.scrape());
    assertThat(scrape.samples("ai_model_cost_total", Map.of("tenant_id", "__overflow__")))
        .hasSize(1);
    assertThat(scrape.value("ai_model_cost_total", Map.of("tenant_id", "acme"))).isPositive();
    assertThat(capped.overflowCount("ai_model_cost_total")).isEqualTo(1);
  }

  @Test
  void moreBudgetsThanTheTenantCapFailAtStartUpNamingTheSetting() {
    assertThatThrownBy(
            () ->
                LyssMetrics.builder()
                    .maxTenantsPerMetric(1)
                    .tenantBudgets(
                        TenantBudgets.of(
                            List.of(
                                new TenantBudgets.Budget("a", 1, "USD"),
                                new TenantBudgets.Budget("b", 1, "USD"))))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxTenantsPerMetric");
  }

  @Test
  void aStreamCutShortIsChargedForTheTokensDeliveredSoFar() {
    AiStream stream = metrics.aiModels().startStream("openai", "gpt-4o", "acme");
    stream.chunk();
    stream.end(true, TokenUsage.split(100, 7));

    assertThat(scrape().value("ai_model_cost_total", Map.of()))
        .isCloseTo((100 * 2.50 + 7 * 10.00) / 1e6, within(1e-12));
  }
}
