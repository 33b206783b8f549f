package ai.lyss.health.cli;

import ai.lyss.health.HealthCheck;
import ai.lyss.health.HealthRegistry;
import ai.lyss.health.HealthReport;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Command-line health probe: {@code java -jar lyss-health-<version>-cli.jar [options]
 * [name=]URL...}. Runs every target concurrently, prints the report JSON on standard output and
 * exits {@value #EXIT_HEALTHY} when all are healthy, {@value #EXIT_UNHEALTHY} when any is not,
 * {@value #EXIT_USAGE} on bad usage (message on standard error). See {@code --help}.
 */
public final class HealthProbe {

  /** Exit code: every target healthy. */
  public static final int EXIT_HEALTHY = 0;

  /** Exit code: at least one target unhealthy. */
  public static final int EXIT_UNHEALTHY = 1;

  /** Exit code: bad command line or configuration. */
  public static final int EXIT_USAGE = 2;

  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar lyss-health-cli.jar [options] [name=]URL...",
          "",
          "Checks each target concurrently, prints the health report JSON, and exits",
          "0 when all are healthy, 1 when any is unhealthy, 2 on bad usage.",
          "",
          "Targets (optionally prefixed with name=):",
          "  http://host[:port]/path, https://...      healthy on HTTP 200",
          "  postgresql://[user[:password]@]host[:port]/db[?params]",
          "  redis://[[user]:password@]host[:port]      rediss:// for TLS",
          "  tcp://host:port                            healthy when a connection opens",
          "",
          "Options:",
          "  --config FILE             read targets from FILE, one per line (# comments)",
          "  --timeout DURATION        per-target timeout, e.g. 500ms, 5s (default 5s)",
          "  --deadline DURATION       deadline for the whole probe (default timeout + 1s)",
          "  --password-env NAME=VAR   password of target NAME from environment variable VAR",
          "  -h, --help                this text",
          "",
          "${VAR} in a target or config line is replaced by environment variable VAR, so",
          "secrets need not be on the command line. Errors never show passwords.");

  private HealthProbe() {}

  /**
   * Runs the probe and exits the JVM with its exit code.
   *
   * @param args options and targets
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, System.getenv(), out, err));
  }

  /**
   * Runs the probe without exiting: the testable entry point.
   *
   * @param args options and targets
   * @param env environment variables for {@code ${VAR}} and {@code --password-env}
   * @param out where the report JSON goes
   * @param err where usage errors go
   * @return the exit code
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Map<String, HealthCheck> checks;
    ProbeArguments parsed;
    try {
      parsed = ProbeArguments.parse(args, env);
      if (parsed.help) {
        out.println(USAGE);
        return EXIT_HEALTHY;
      }
      if (parsed.targets.isEmpty()) {
        throw new UsageException("no targets given (see --help)");
      }
      checks = ProbeTargets.build(parsed, env, parsed.timeout);
    } catch (UsageException e) {
      err.println("lyss-health probe: " + e.getMessage());
      return EXIT_USAGE;
    }
    Duration deadline =
        parsed.deadline != null ? parsed.deadline : parsed.timeout.plus(Duration.ofSeconds(1));
    HealthRegistry.Builder builder =
        HealthRegistry.builder()
            .defaultTimeout(parsed.timeout)
            .deadline(deadline)
            .maxConcurrency(Math.min(64, checks.size()));
    checks.forEach(builder::register);
    try (HealthRegistry registry = builder.build()) {
      HealthReport report = registry.report();
      out.println(report.toJson());
      out.flush();
      return report.isHealthy() ? EXIT_HEALTHY : EXIT_UNHEALTHY;
    }
  }
}
