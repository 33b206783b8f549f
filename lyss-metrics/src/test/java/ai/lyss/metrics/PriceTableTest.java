package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

  private static final String HEADER =
      "# provider,model,input_per_million,output_per_million,cached_input_per_million,currency,"
          + "effective_date\n";

  @Test
  void aFileIsLoadedWithAnEmptyCachedPriceMeaningTheInputPrice(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.csv");
    Files.writeString(file, HEADER + "deepseek,deepseek-chat,0.27,1.10,,USD,2025-01-01\n");

    ModelPrice price = PriceTable.load(file).all().get(0);

    assertThat(price.inputPerMillion()).isEqualTo(0.27);
    assertThat(price.cachedInputPerMillion()).isEqualTo(0.27);
    assertThat(price.outputPerMillion()).isEqualTo(1.10);
  }

  @Test
  void theLatestRowInEffectOnTheDayApplies() {
    PriceTable table =
        PriceTable.parse(
            "prices.csv",
            HEADER
                + "openai,gpt-4o,5.00,15.00,,USD,2024-05-13\n"
                + "openai,gpt-4o,2.50,10.00,1.25,USD,2024-10-01\n"
                + "openai,gpt-4o,1.00,4.00,0.50,USD,2030-01-01\n");

    assertThat(table.find("openai", "gpt-4o", LocalDate.of(2026, 1, 1)))
        .get()
        .extracting(ModelPrice::inputPerMillion)
        .isEqualTo(2.50);
    assertThat(table.find("openai", "gpt-4o", LocalDate.of(2024, 1, 1))).isEmpty();
  }

  @Test
  void aBadPriceNamesTheFileLineColumnAndFix() {
    assertThatThrownBy(
            () -> PriceTable.parse("prices.csv", HEADER + "openai,gpt-4o,abc,10,,USD,2024-10-01\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prices.csv line 2")
        .hasMessageContaining("input_per_million")
        .hasMessageContaining("decimal");
  }

  @Test
  void aNegativePriceIsRejected() {
    assertThatThrownBy(() -> PriceTable.parse("p", "openai,gpt-4o,-1,10,,USD,2024-10-01\n"))
        .hasMessageContaining("p line 1: input_per_million is negative");
  }

  @Test
  void aWrongColumnCountNamesTheExpectedColumns() {
    assertThatThrownBy(() -> PriceTable.parse("p", "openai,gpt-4o,1,2\n"))
        .hasMessageContaining("expected 7")
        .hasMessageContaining("effective_date");
  }

  @Test
  void aBadCurrencyOrDateIsRejected() {
    assertThatThrownBy(() -> PriceTable.parse("p", "openai,gpt-4o,1,2,,usd,2024-10-01\n"))
        .hasMessageContaining("currency 'usd' is not an ISO 4217 code");
    assertThatThrownBy(() -> PriceTable.parse("p", "openai,gpt-4o,1,2,,USD,1/10/2024\n"))
        .hasMessageContaining("YYYY-MM-DD");
  }

  @Test
  void twoRowsForOneModelAndDateAreRejectedNamingBothLines() {
    assertThatThrownBy(
            () ->
                PriceTable.parse(
                    "p", "openai,gpt-4o,1,2,,USD,2024-10-01\nopenai,gpt-4o,3,4,,USD,2024-10-01\n"))
        .hasMessageContaining("p line 2")
        .hasMessageContaining("first at p line 1");
  }

  @Test
  void aMissingFileNamesThePath(@TempDir Path dir) {
    assertThatThrownBy(() -> PriceTable.load(dir.resolve("nope.csv")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.csv");
  }

  @Test
  void budgetsRejectAReservedTenant() {
    assertThatThrownBy(() -> TenantBudgets.parse("budgets.csv", "unknown,10,USD\n"))
        .hasMessageContaining("reserved");
  }

  @Test
  void budgetErrorsNameTheLine() {
    assertThatThrownBy(() -> TenantBudgets.parse("budgets.csv", "# c\nacme,ten,USD\n"))
        .hasMessageContaining("budgets.csv line 2: budget_30d");
  }
}
