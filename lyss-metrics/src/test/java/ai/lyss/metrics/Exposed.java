package ai.lyss.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed Prometheus text exposition, for assertions. */
final class Exposed {

  record Sample(String name, Map<String, String> labels, double value) {}

  final Map<String, String> help = new LinkedHashMap<>();
  final Map<String, String> type = new LinkedHashMap<>();
  final List<Sample> samples = new ArrayList<>();

  static Exposed parse(String text) {
    Exposed e = new Exposed();
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("# HELP ")) {
        String rest = line.substring(7);
        int sp = rest.indexOf(' ');
        e.help.put(rest.substring(0, sp), rest.substring(sp + 1));
      } else if (line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ");
        e.type.put(parts[0], parts[1]);
      } else if (!line.startsWith("#")) {
        e.samples.add(sample(line));
      }
    }
    return e;
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space;
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    if (brace >= 0 && brace < line.indexOf(' ')) {
      name = line.substring(0, brace);
      int i = brace + 1;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String key = line.substring(i, eq);
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        while (line.charAt(j) != '"') {
          char c = line.charAt(j);
          if (c == '\\') {
            char n = line.charAt(++j);
            value.append(n == 'n' ? '\n' : n);
          } else {
            value.append(c);
          }
          j++;
        }
        labels.put(key, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      space = i + 1;
    } else {
      space = line.indexOf(' ');
      name = line.substring(0, space);
    }
    String rest = line.substring(space).trim();
    int end = rest.indexOf(' ');
    String value = end < 0 ? rest : rest.substring(0, end);
    return new Sample(name, labels, Double.parseDouble(value.replace("+Inf", "Infinity")));
  }

  List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  List<Sample> samples(String name, Map<String, String> labels) {
    return samples(name).stream()
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
  }

  double value(String name, Map<String, String> labels) {
    return samples(name, labels).stream().mapToDouble(Sample::value).sum();
  }
}
