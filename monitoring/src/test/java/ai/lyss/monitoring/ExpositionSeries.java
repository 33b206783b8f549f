package ai.lyss.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A series written as {@code name{label="value",...}}: exposition lines and promtool inputs. */
record ExpositionSeries(String name, Map<String, String> labels) {

  private static final Pattern SERIES =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?(?:\\s+.*)?$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Parses one series (a sample value after it is ignored). */
  static ExpositionSeries parse(String text) {
    Matcher matcher = SERIES.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a series: " + text);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (matcher.group(2) != null) {
      Matcher label = LABEL.matcher(matcher.group(2));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
    }
    return new ExpositionSeries(matcher.group(1), labels);
  }

  /** Every sample line of a Prometheus text exposition. */
  static List<ExpositionSeries> parseExposition(String exposition) {
    List<ExpositionSeries> series = new ArrayList<>();
    exposition
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(line -> series.add(parse(line)));
    return series;
  }

  /** The labels without {@code le}: identifies the histogram a bucket belongs to. */
  Map<String, String> labelsWithoutLe() {
    Map<String, String> copy = new LinkedHashMap<>(labels);
    copy.remove("le");
    return copy;
  }
}
