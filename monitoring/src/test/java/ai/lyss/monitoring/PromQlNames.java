package ai.lyss.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names and label names a PromQL expression uses: enough of PromQL to check our rules
 * and dashboard against the catalog (selectors with matchers, range and offset brackets, grouping
 * clauses, functions, keywords), not a full parser. Syntax itself is checked by promtool.
 */
final class PromQlNames {

  private static final Pattern SELECTOR =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{([^}]*)}");
  private static final Pattern MATCHER =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern GROUPING =
      Pattern.compile(
          "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BRACKETS = Pattern.compile("\\[[^]]*]");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan");

  private PromQlNames() {}

  /** One vector selector: a metric name and the label names its matchers use. */
  record Selector(String metric, Set<String> labels) {}

  /** What an expression uses. */
  record Usage(List<Selector> selectors, Set<String> groupingLabels) {

    /** Every metric name the expression selects. */
    Set<String> metrics() {
      Set<String> metrics = new LinkedHashSet<>();
      selectors.forEach(selector -> metrics.add(selector.metric()));
      return metrics;
    }
  }

  /** The metric and label names {@code expression} uses. */
  static Usage of(String expression) {
    List<Selector> selectors = new ArrayList<>();
    StringBuilder rest = new StringBuilder();
    Matcher selector = SELECTOR.matcher(expression);
    while (selector.find()) {
      Set<String> labels = new LinkedHashSet<>();
      String metric = selector.group(1);
      Matcher matcher = MATCHER.matcher(selector.group(2));
      while (matcher.find()) {
        if (matcher.group(1).equals("__name__")) {
          metric = matcher.group(3);
        } else {
          labels.add(matcher.group(1));
        }
      }
      if (metric == null) {
        throw new IllegalArgumentException("selector without a metric name in: " + expression);
      }
      selectors.add(new Selector(metric, labels));
      selector.appendReplacement(rest, " ");
    }
    selector.appendTail(rest);

    String withoutBrackets = BRACKETS.matcher(rest).replaceAll(" ");
    Set<String> groupingLabels = new LinkedHashSet<>();
    Matcher grouping = GROUPING.matcher(withoutBrackets);
    StringBuilder bare = new StringBuilder();
    while (grouping.find()) {
      for (String label : grouping.group(1).split(",")) {
        if (!label.isBlank()) {
          groupingLabels.add(label.strip());
        }
      }
      grouping.appendReplacement(bare, " ");
    }
    grouping.appendTail(bare);

    Matcher identifier = IDENTIFIER.matcher(STRING.matcher(bare).replaceAll(" "));
    while (identifier.find()) {
      String name = identifier.group(1);
      if (!KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
        selectors.add(new Selector(name, Set.of()));
      }
    }
    return new Usage(List.copyOf(selectors), Set.copyOf(groupingLabels));
  }
}
