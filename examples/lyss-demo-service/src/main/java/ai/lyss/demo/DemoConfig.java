package ai.lyss.demo;

import ai.lyss.metrics.PriceTable;
import ai.lyss.metrics.TenantBudgets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The demo's settings, read from command-line flags and environment variables (a flag wins over its
 * variable). A bad value stops start-up with a message that names the setting and the fix.
 */
final class DemoConfig {

  /** One setting: its flag, its environment variable, its default and what it means. */
  enum Setting {
    PORT("--port", "LYSS_PORT", "8000", "HTTP port; 0 picks a free port"),
    HOST("--host", "LYSS_HOST", "127.0.0.1", "address to listen on (0.0.0.0 for all)"),
    SEED("--seed", "LYSS_SEED", "", "seed for the simulated provider; same seed, same answers"),
    PROVIDER_LATENCY_MS(
        "--provider-latency-ms", "LYSS_PROVIDER_LATENCY_MS", "150", "mean simulated model latency"),
    PROVIDER_FAILURE_RATE(
        "--provider-failure-rate",
        "LYSS_PROVIDER_FAILURE_RATE",
        "0.03",
        "share of model calls that fail (0 to 1)"),
    QUOTA("--quota", "LYSS_QUOTA", "30", "chat completions per tenant per quota window"),
    QUOTA_WINDOW_SECONDS(
        "--quota-window-seconds", "LYSS_QUOTA_WINDOW_SECONDS", "60", "length of the quota window"),
    TRAFFIC("--traffic", "LYSS_TRAFFIC", "false", "run the built-in load generator"),
    TRAFFIC_RATE(
        "--traffic-rate", "LYSS_TRAFFIC_RATE", "4", "generated requests per second (1-50)"),
    POSTGRES_URL(
        "--postgres-url", "LYSS_POSTGRES_URL", "", "JDBC URL of a PostgreSQL to health-check"),
    PRICES(
        "--prices",
        "LYSS_PRICES",
        "",
        "price table file (provider,model,input,output,cached_input per million tokens,currency,"
            + "effective_date); default: the built-in demo prices"),
    BUDGETS(
        "--budgets",
        "LYSS_BUDGETS",
        "",
        "tenant budget file (tenant_id,budget_30d,currency); default: the built-in demo budgets"),
    REDIS_URL("--redis-url", "LYSS_REDIS_URL", "", "redis://host:port of a Redis to health-check"),
    DB_URL(
        "--db-url",
        "LYSS_DB_URL",
        "",
        "JDBC URL of the PostgreSQL that stores conversations (default: in-memory H2); user and"
            + " password from LYSS_DB_USER and LYSS_DB_PASSWORD");

    /** Database user for {@link #DB_URL}, read from the environment only. */
    static final String DB_USER_ENV = "LYSS_DB_USER";

    /** Database password for {@link #DB_URL}, read from the environment only (never a flag). */
    static final String DB_PASSWORD_ENV = "LYSS_DB_PASSWORD";

    final String flag;
    final String env;
    final String defaultValue;
    final String description;

    Setting(String flag, String env, String defaultValue, String description) {
      this.flag = flag;
      this.env = env;
      this.defaultValue = defaultValue;
      this.description = description;
    }
  }

  final int port;
  final String host;
  final @Nullable Long seed;
  final long providerLatencyMs;
  final double providerFailureRate;
  final int quota;
  final int quotaWindowSeconds;
  final boolean traffic;
  final int trafficRate;
  final @Nullable String postgresUrl;
  final @Nullable String redisUrl;
  final @Nullable String dbUrl;
  final @Nullable String dbUser;
  final @Nullable String dbPassword;
  final PriceTable prices;
  final TenantBudgets budgets;

  private DemoConfig(Map<Setting, String> values, Map<String, String> env) {
    port = intIn(values, Setting.PORT, 0, 65535);
    host = values.get(Setting.HOST).strip();
    String seedText = values.get(Setting.SEED).strip();
    seed = seedText.isEmpty() ? null : parse(Setting.SEED, seedText, Long::valueOf, "an integer");
    providerLatencyMs = intIn(values, Setting.PROVIDER_LATENCY_MS, 0, 60_000);
    providerFailureRate =
        parse(
            Setting.PROVIDER_FAILURE_RATE,
            values.get(Setting.PROVIDER_FAILURE_RATE),
            Double::valueOf,
            "a number");
    if (!(providerFailureRate >= 0.0 && providerFailureRate <= 1.0)) {
      throw invalid(Setting.PROVIDER_FAILURE_RATE, values, "a number from 0 to 1");
    }
    quota = intIn(values, Setting.QUOTA, 1, 1_000_000);
    quotaWindowSeconds = intIn(values, Setting.QUOTA_WINDOW_SECONDS, 1, 86_400);
    String trafficText = values.get(Setting.TRAFFIC).strip().toLowerCase(Locale.ROOT);
    if (!trafficText.equals("true") && !trafficText.equals("false")) {
      throw invalid(Setting.TRAFFIC, values, "true or false");
    }
    traffic = trafficText.equals("true");
    trafficRate = intIn(values, Setting.TRAFFIC_RATE, 1, 50);
    postgresUrl = blankToNull(values.get(Setting.POSTGRES_URL));
    redisUrl = blankToNull(values.get(Setting.REDIS_URL));
    dbUrl = blankToNull(values.get(Setting.DB_URL));
    if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
      throw invalid(
          Setting.DB_URL,
          values,
          "a jdbc:postgresql://host:port/database URL (or jdbc:h2:...), or leave it empty for the"
              + " in-memory database");
    }
    prices = table(values, Setting.PRICES, "prices.csv", PriceTable::load, PriceTable::parse);
    budgets =
        table(values, Setting.BUDGETS, "budgets.csv", TenantBudgets::load, TenantBudgets::parse);
    dbUser = blankToNull(env.getOrDefault(Setting.DB_USER_ENV, ""));
    dbPassword = env.get(Setting.DB_PASSWORD_ENV);
    if (host.isEmpty()) {
      throw invalid(Setting.HOST, values, "an address such as 127.0.0.1 or 0.0.0.0");
    }
  }

  /**
   * Reads the settings.
   *
   * @param args command-line arguments ({@code --name value}, {@code --name=value}, or a bare
   *     {@code --traffic})
   * @param env the environment
   * @throws IllegalArgumentException naming the setting and the fix
   */
  static DemoConfig parse(List<String> args, Map<String, String> env) {
    Map<Setting, String> values = new LinkedHashMap<>();
    for (Setting s : Setting.values()) {
      String fromEnv = env.get(s.env);
      values.put(s, fromEnv != null ? fromEnv : s.defaultValue);
    }
    List<String> rest = new ArrayList<>(args);
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      Setting setting = byFlag(name);
      if (setting == null) {
        throw new IllegalArgumentException(
            "Unknown argument '" + arg + "'. Run with --help to list the settings.");
      }
      if (value == null) {
        if (setting == Setting.TRAFFIC) {
          value = "true";
        } else if (i + 1 < rest.size()) {
          value = rest.get(++i);
        } else {
          throw new IllegalArgumentException(
              setting.flag + " needs a value: " + setting.flag + " <" + setting.description + ">");
        }
      }
      values.put(setting, value);
    }
    return new DemoConfig(values, env);
  }

  /** The --help text. */
  static String usage() {
    StringBuilder out =
        new StringBuilder("Usage: java -jar lyss-demo-service.jar [settings]\n\nSettings:\n");
    for (Setting s : Setting.values()) {
      out.append(String.format(Locale.ROOT, "  %-26s %-28s %s", s.flag, s.env, s.description));
      if (!s.defaultValue.isEmpty()) {
        out.append(" (default ").append(s.defaultValue).append(')');
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static @Nullable Setting byFlag(String flag) {
    for (Setting s : Setting.values()) {
      if (s.flag.equals(flag)) {
        return s;
      }
    }
    return null;
  }

  private static int intIn(Map<Setting, String> values, Setting setting, int min, int max) {
    int value = parse(setting, values.get(setting), Integer::valueOf, "an integer");
    if (value < min || value > max) {
      throw invalid(setting, values, "an integer from " + min + " to " + max);
    }
    return value;
  }

  private static <T> T parse(
      Setting setting, String text, Function<String, T> parser, String expected) {
    try {
      return parser.apply(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(message(setting, text, expected), e);
    }
  }

  private static IllegalArgumentException invalid(
      Setting setting, Map<Setting, String> values, String expected) {
    return new IllegalArgumentException(message(setting, values.get(setting), expected));
  }

  private static String message(Setting setting, String value, String expected) {
    return "Invalid "
        + setting.flag
        + " / "
        + setting.env
        + " '"
        + value
        + "': set it to "
        + expected
        + " ("
        + setting.description
        + ").";
  }

  /** The file a setting names, or the built-in resource; errors name the setting and the line. */
  private static <T> T table(
      Map<Setting, String> values,
      Setting setting,
      String resource,
      Function<Path, T> load,
      BiFunction<String, String, T> parse) {
    String file = values.get(setting).strip();
    try {
      if (!file.isEmpty()) {
        return load.apply(Path.of(file));
      }
      try (InputStream in = DemoConfig.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("built-in " + resource + " is missing from the jar");
        }
        return parse.apply(
            "built-in " + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException e) { // InvalidPathException too
      throw new IllegalArgumentException(
          "Invalid " + setting.flag + " / " + setting.env + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static @Nullable String blankToNull(String value) {
    return value.isBlank() ? null : value.strip();
  }
}
