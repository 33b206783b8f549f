package ai.lyss.spring.boot.internal;

import ai.lyss.health.CheckOptions;
import ai.lyss.health.HealthCheck;
import ai.lyss.health.HealthRegistry;
import ai.lyss.health.checks.HttpHealthCheck;
import ai.lyss.health.checks.JdbcHealthCheck;
import ai.lyss.health.checks.RedisHealthCheck;
import ai.lyss.health.checks.TcpHealthCheck;
import ai.lyss.spring.boot.HealthCheckProperties;
import ai.lyss.spring.boot.LyssHealthProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code lyss.health.checks.<name>.*} into registered checks. Every problem is reported as an
 * {@link IllegalStateException} naming the property and the fix, at start-up.
 */
public final class HealthChecksFromProperties {

  private HealthChecksFromProperties() {}

  /**
   * Registers every configured check.
   *
   * @param builder the registry being built
   * @param properties {@code lyss.health.*}
   * @param dataSource the application's DataSource, for jdbc checks without a url
   */
  public static void register(
      HealthRegistry.Builder builder,
      LyssHealthProperties properties,
      Supplier<@Nullable DataSource> dataSource) {
    for (Map.Entry<String, HealthCheckProperties> entry : properties.getChecks().entrySet()) {
      String name = entry.getKey();
      HealthCheckProperties check = entry.getValue();
      String prefix = LyssHealthProperties.PREFIX + ".checks." + name + ".";
      Duration timeout =
          check.getTimeout() != null ? check.getTimeout() : properties.getDefaultTimeout();
      CheckOptions options = CheckOptions.readiness().critical(check.isCritical()).timeout(timeout);
      try {
        builder.register(name, create(prefix, check, timeout, dataSource), options);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "Invalid health check " + prefix + "*: " + e.getMessage(), e);
      }
    }
  }

  private static HealthCheck create(
      String prefix,
      HealthCheckProperties check,
      Duration timeout,
      Supplier<@Nullable DataSource> dataSource) {
    HealthCheckProperties.Type type = check.getType();
    if (type == null) {
      throw new IllegalStateException(
          prefix + "type is missing: set it to http, jdbc, redis or tcp");
    }
    return switch (type) {
      case HTTP ->
          HttpHealthCheck.builder(uri(prefix, required(prefix, "url", check.getUrl())))
              .timeout(timeout)
              .expectedStatus(check.getExpectedStatus())
              .build();
      case JDBC -> jdbc(prefix, check, timeout, dataSource);
      case REDIS -> redis(prefix, check, timeout);
      case TCP ->
          TcpHealthCheck.of(required(prefix, "host", check.getHost()), port(prefix, check))
              .withTimeout(timeout);
    };
  }

  private static HealthCheck jdbc(
      String prefix,
      HealthCheckProperties check,
      Duration timeout,
      Supplier<@Nullable DataSource> dataSource) {
    String url = check.getUrl();
    if (url == null) {
      DataSource source = dataSource.get();
      if (source == null) {
        throw new IllegalStateException(
            prefix
                + "url is missing and the application has no DataSource bean: set "
                + prefix
                + "url to a jdbc: URL");
      }
      return JdbcHealthCheck.builder(source).timeout(timeout).build();
    }
    JdbcHealthCheck.Builder builder = JdbcHealthCheck.builder(url).timeout(timeout);
    if (check.getUsername() != null) {
      builder.user(check.getUsername());
    }
    if (check.getPassword() != null) {
      builder.password(check.getPassword());
    }
    return builder.build();
  }

  private static HealthCheck redis(String prefix, HealthCheckProperties check, Duration timeout) {
    RedisHealthCheck.Builder builder =
        check.getUrl() != null
            ? RedisHealthCheck.builder(uri(prefix, check.getUrl()))
            : RedisHealthCheck.builder(
                required(prefix, "host", check.getHost()), port(prefix, check));
    if (check.getUsername() != null) {
      builder.username(check.getUsername());
    }
    if (check.getPassword() != null) {
      builder.password(check.getPassword());
    }
    return builder.timeout(timeout).build();
  }

  private static String required(String prefix, String key, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(prefix + key + " is missing: this type of check needs it");
    }
    return value;
  }

  private static int port(String prefix, HealthCheckProperties check) {
    if (check.getPort() == 0) {
      throw new IllegalStateException(prefix + "port is missing: set it to 1-65535");
    }
    return check.getPort();
  }

  private static URI uri(String prefix, String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      // The cause would echo the URL, which can carry credentials: keep only the property name.
      String reason =
          e.getCause() instanceof URISyntaxException syntax ? syntax.getReason() : "malformed";
      throw new IllegalStateException(prefix + "url is not a valid URL: " + reason);
    }
  }
}
