package ai.lyss.health.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parses the probe's command line and config files into raw targets and settings. */
final class ProbeArguments {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

  final List<String> targets = new ArrayList<>();
  final Map<String, String> passwordEnv = new LinkedHashMap<>();
  Duration timeout = Duration.ofSeconds(5);
  @Nullable Duration deadline;
  boolean help;

  private ProbeArguments() {}

  static ProbeArguments parse(String[] args, Map<String, String> env) throws UsageException {
    ProbeArguments p = new ProbeArguments();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h":
        case "--help":
          p.help = true;
          break;
        case "--config":
          p.readConfig(value(args, ++i, arg), env);
          break;
        case "--timeout":
          p.timeout = duration(value(args, ++i, arg), arg);
          break;
        case "--deadline":
          p.deadline = duration(value(args, ++i, arg), arg);
          break;
        case "--password-env":
          p.passwordEnv(value(args, ++i, arg));
          break;
        default:
          if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + arg + " (see --help)");
          }
          p.targets.add(expand(arg, env, "target " + (p.targets.size() + 1)));
      }
    }
    return p;
  }

  private void passwordEnv(String spec) throws UsageException {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new UsageException(
          "--password-env wants TARGET_NAME=ENV_VAR, for example postgres=PGPASSWORD");
    }
    passwordEnv.put(spec.substring(0, eq), spec.substring(eq + 1));
  }

  private void readConfig(String file, Map<String, String> env) throws UsageException {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException("config file not found: " + file);
    } catch (IOException | RuntimeException e) {
      throw new UsageException(
          "cannot read config file " + file + ": " + e.getClass().getSimpleName());
    }
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      targets.add(expand(line, env, file + " line " + (n + 1)));
    }
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value (see --help)");
    }
    return args[i];
  }

  static Duration duration(String text, String option) throws UsageException {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new UsageException(
          option + " wants a positive duration such as 500ms, 5s or 1m, got '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return unit.equals("ms")
        ? Duration.ofMillis(n)
        : unit.equals("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
  }

  /** Replaces {@code ${VAR}} with the environment variable's value. */
  static String expand(String text, Map<String, String> env, String where) throws UsageException {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.get(m.group(1));
      if (value == null) {
        throw new UsageException(
            "environment variable " + m.group(1) + " is not set (used in " + where + ")");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
