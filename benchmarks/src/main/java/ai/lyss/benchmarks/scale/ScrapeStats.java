package ai.lyss.benchmarks.scale;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one {@code /metrics} text scrape holds: its size, its series lines (every line that is not a
 * comment), the distinct {@code tenant_id} values in the whole scrape, and the largest number of
 * distinct values in any one metric family.
 */
record ScrapeStats(int bytes, int seriesLines, int distinctTenants, int maxTenantsPerMetric) {

  private static final String TENANT = "tenant_id=\"";

  static ScrapeStats of(byte[] scrape) {
    String text = new String(scrape, StandardCharsets.UTF_8);
    Set<String> tenants = new HashSet<>();
    Map<String, Set<String>> perMetric = new HashMap<>();
    int lines = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (end > start && text.charAt(start) != '#') {
        lines++;
        int at = text.indexOf(TENANT, start);
        if (at >= 0 && at < end) {
          int from = at + TENANT.length();
          String tenant = text.substring(from, text.indexOf('"', from));
          tenants.add(tenant);
          perMetric.computeIfAbsent(family(text, start), k -> new HashSet<>()).add(tenant);
        }
      }
      start = end + 1;
    }
    int max = perMetric.values().stream().mapToInt(Set::size).max().orElse(0);
    return new ScrapeStats(scrape.length, lines, tenants.size(), max);
  }

  /** The metric family of a series line: its name without the histogram and counter suffixes. */
  private static String family(String text, int lineStart) {
    int brace = text.indexOf('{', lineStart);
    int space = text.indexOf(' ', lineStart);
    int end = brace >= 0 && brace < space ? brace : space;
    String name = text.substring(lineStart, end);
    for (String suffix : new String[] {"_bucket", "_count", "_sum", "_max", "_total"}) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }
}
