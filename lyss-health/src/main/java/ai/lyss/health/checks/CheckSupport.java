package ai.lyss.health.checks;

import static java.util.Objects.requireNonNull;

import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.internal.ErrorTexts;
import java.time.Duration;
import java.util.Collection;

/** Shared validation and error formatting of the built-in checks. */
final class CheckSupport {

  /** Default timeout of a built-in check, equal to the registry's default. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private CheckSupport() {}

  static Duration positive(Duration d, String setting) {
    requireNonNull(d, setting);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(
          setting + " must be positive, got " + d + ": use e.g. Duration.ofSeconds(5)");
    }
    return d;
  }

  static int port(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
    }
    return port;
  }

  static HealthCheckResult failure(Throwable e, Collection<String> secrets) {
    return HealthCheckResult.unhealthy(
        ErrorTexts.describe(e, HealthCheckResult.MAX_ERROR_LENGTH, secrets));
  }

  static HealthCheckResult timeout(Duration timeout) {
    return HealthCheckResult.unhealthy("timeout after " + timeout.toMillis() + " ms");
  }
}
