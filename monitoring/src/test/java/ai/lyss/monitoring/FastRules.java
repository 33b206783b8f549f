package ai.lyss.monitoring;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test copy of a rule file that runs in seconds: every range window is scaled down (5m to 10s ...
 * 30d to 60s, keeping their order), every {@code for:} becomes 2s and every group interval 1s. The
 * expressions are otherwise the real ones, text for text.
 */
final class FastRules {

  private static final Map<String, String> WINDOWS =
      Map.of(
          "5m", "10s",
          "30m", "20s",
          "1h", "30s",
          "6h", "40s",
          "3d", "50s",
          "30d", "60s");
  private static final Pattern RANGE = Pattern.compile("\\[(\\w+)]");
  private static final Pattern FOR = Pattern.compile("(?m)^(\\s+)for: \\w+$");
  private static final Pattern INTERVAL = Pattern.compile("(?m)^(\\s+)interval: \\w+$");

  private FastRules() {}

  /** Writes the fast copy of {@code rules} to {@code target}. */
  static void write(Path rules, Path target) {
    MonitoringFiles.write(target, rewrite(MonitoringFiles.read(rules)));
  }

  static String rewrite(String rules) {
    Matcher range = RANGE.matcher(rules);
    StringBuilder scaled = new StringBuilder();
    while (range.find()) {
      String window = WINDOWS.get(range.group(1));
      if (window == null) {
        throw new IllegalArgumentException("no test window for [" + range.group(1) + "]");
      }
      range.appendReplacement(scaled, "[" + window + "]");
    }
    range.appendTail(scaled);
    String fast = FOR.matcher(scaled).replaceAll("$1for: 2s");
    return INTERVAL.matcher(fast).replaceAll("$1interval: 1s");
  }
}
