package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.metrics.ModelPrice;
import ai.lyss.metrics.TenantBudgets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoConfigTest {

  @Test
  void defaultsApplyWithoutFlagsOrVariables() {
    DemoConfig config = DemoConfig.parse(List.of(), Map.of());

    assertThat(config.port).isEqualTo(8000);
    assertThat(config.host).isEqualTo("127.0.0.1");
    assertThat(config.seed).isNull();
    assertThat(config.traffic).isFalse();
    assertThat(config.postgresUrl).isNull();
  }

  @Test
  void theBuiltInPricesAndBudgetsApplyByDefault() {
    DemoConfig config = DemoConfig.parse(List.of(), Map.of());

    assertThat(config.prices.all())
        .extracting(ModelPrice::model)
        .containsExactly("gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet", "deepseek-chat");
    assertThat(config.budgets.all()).extracting(TenantBudgets.Budget::tenantId).contains("acme");
  }

  @Test
  void aBadPriceFileStopsStartUpNamingTheSettingTheLineAndTheFix(@TempDir Path dir)
      throws Exception {
    Path prices = dir.resolve("prices.csv");
    Files.writeString(prices, "# header\nopenai,gpt-4o,2.5,ten,,USD,2024-10-01\n");

    assertThatThrownBy(() -> DemoConfig.parse(List.of("--prices", prices.toString()), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--prices / LYSS_PRICES")
        .hasMessageContaining("prices.csv line 2: output_per_million 'ten' is not a number");
  }

  @Test
  void aMissingBudgetFileStopsStartUpNamingTheSettingAndThePath() {
    assertThatThrownBy(
            () -> DemoConfig.parse(List.of(), Map.of("LYSS_BUDGETS", "/nonexistent/budgets.csv")))
        .hasMessageContaining("--budgets / LYSS_BUDGETS")
        .hasMessageContaining("/nonexistent/budgets.csv");
  }

  @Test
  void aFlagWinsOverItsEnvironmentVariable() {
    DemoConfig config = DemoConfig.parse(List.of("--port", "9000"), Map.of("LYSS_PORT", "7000"));

    assertThat(config.port).isEqualTo(9000);
  }

  @Test
  void environmentVariablesApplyWhenNoFlagIsGiven() {
    DemoConfig config =
        DemoConfig.parse(List.of(), Map.of("LYSS_PORT", "7000", "LYSS_REDIS_URL", "redis://r"));

    assertThat(config.port).isEqualTo(7000);
    assertThat(config.redisUrl).isEqualTo("redis://r");
  }

  @Test
  void equalsFormAndBareTrafficFlagAreAccepted() {
    DemoConfig config = DemoConfig.parse(List.of("--seed=42", "--traffic"), Map.of());

    assertThat(config.seed).isEqualTo(42L);
    assertThat(config.traffic).isTrue();
  }

  @Test
  void anOutOfRangeValueNamesFlagVariableAndRange() {
    assertThatThrownBy(() -> DemoConfig.parse(List.of("--traffic-rate", "500"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--traffic-rate")
        .hasMessageContaining("LYSS_TRAFFIC_RATE")
        .hasMessageContaining("from 1 to 50");
  }

  @Test
  void aNonNumberIsRejectedWithTheSettingName() {
    assertThatThrownBy(() -> DemoConfig.parse(List.of(), Map.of("LYSS_PROVIDER_FAILURE_RATE", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LYSS_PROVIDER_FAILURE_RATE");
  }

  @Test
  void anUnknownArgumentPointsToHelp() {
    assertThatThrownBy(() -> DemoConfig.parse(List.of("--prot", "1"), Map.of()))
        .hasMessageContaining("--prot")
        .hasMessageContaining("--help");
  }

  @Test
  void aFlagWithoutItsValueSaysWhatIsMissing() {
    assertThatThrownBy(() -> DemoConfig.parse(List.of("--port"), Map.of()))
        .hasMessageContaining("--port needs a value");
  }

  @Test
  void usageListsEverySetting() {
    String usage = DemoConfig.usage();

    for (DemoConfig.Setting setting : DemoConfig.Setting.values()) {
      assertThat(usage).contains(setting.flag).contains(setting.env);
    }
  }

  @Test
  void theConversationDatabaseIsInMemoryUnlessAUrlIsGiven() {
    assertThat(DemoConfig.parse(List.of(), Map.of()).dbUrl).isNull();
  }

  @Test
  void databaseUserAndPasswordComeFromTheEnvironmentOnly() {
    DemoConfig config =
        DemoConfig.parse(
            List.of("--db-url", "jdbc:postgresql://127.0.0.1:5432/lyss"),
            Map.of("LYSS_DB_USER", "lyss", "LYSS_DB_PASSWORD", "pw"));

    assertThat(config.dbUrl).isEqualTo("jdbc:postgresql://127.0.0.1:5432/lyss");
    assertThat(config.dbUser).isEqualTo("lyss");
    assertThat(config.dbPassword).isEqualTo("pw");
  }

  @Test
  void aDatabaseUrlThatIsNotPostgresqlOrH2FailsNamingTheSetting() {
    assertThatThrownBy(
            () -> DemoConfig.parse(List.of(), Map.of("LYSS_DB_URL", "postgres://db:5432/lyss")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--db-url / LYSS_DB_URL")
        .hasMessageContaining("jdbc:postgresql://host:port/database");
  }
}
