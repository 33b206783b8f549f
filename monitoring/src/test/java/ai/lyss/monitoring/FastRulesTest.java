package ai.lyss.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-to-end test's fast rules are the real rules with only durations changed. */
class FastRulesTest {

  @Test
  void fastCopyChangesOnlyRangeWindowsForDurationsAndGroupIntervals() {
    for (Path file : RuleFiles.ALL) {
      List<String> real = MonitoringFiles.read(file).lines().toList();
      List<String> fast = FastRules.rewrite(MonitoringFiles.read(file)).lines().toList();

      assertThat(fast).hasSameSizeAs(real);
      for (int i = 0; i < real.size(); i++) {
        assertThat(withoutDurations(fast.get(i)))
            .as("%s line %d", file.getFileName(), i + 1)
            .isEqualTo(withoutDurations(real.get(i)));
      }
    }
  }

  @Test
  void fastCopyShrinksEveryWindowToSecondsKeepingTheirOrder() {
    assertThat(FastRules.rewrite("rate(x[5m]) rate(x[30m]) rate(x[1h]) rate(x[6h]) rate(x[3d])"))
        .isEqualTo("rate(x[10s]) rate(x[20s]) rate(x[30s]) rate(x[40s]) rate(x[50s])");
  }

  @Test
  void fastCopyRefusesAWindowItHasNoTestWindowFor() {
    assertThatThrownBy(() -> FastRules.rewrite("rate(x[2m])"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2m]");
  }

  private static String withoutDurations(String line) {
    return line.replaceAll("\\[\\w+]", "[]")
        .replaceAll("^(\\s+)for: \\w+$", "$1for:")
        .replaceAll("^(\\s+)interval: \\w+$", "$1interval:");
  }
}
