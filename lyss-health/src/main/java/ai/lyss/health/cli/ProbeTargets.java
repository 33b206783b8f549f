package ai.lyss.health.cli;

import ai.lyss.health.HealthCheck;
import ai.lyss.health.checks.HttpHealthCheck;
import ai.lyss.health.checks.JdbcHealthCheck;
import ai.lyss.health.checks.RedisHealthCheck;
import ai.lyss.health.checks.TcpHealthCheck;
import ai.lyss.health.internal.ErrorTexts;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns {@code [name=]URL} targets into named checks. */
final class ProbeTargets {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:/@-]{1,64}");

  private ProbeTargets() {}

  static Map<String, HealthCheck> build(
      ProbeArguments args, Map<String, String> env, Duration timeout) throws UsageException {
    Map<String, HealthCheck> checks = new LinkedHashMap<>();
    Map<String, String> passwords = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : args.passwordEnv.entrySet()) {
      String value = env.get(e.getValue());
      if (value == null) {
        throw new UsageException(
            "environment variable "
                + e.getValue()
                + " is not set (--password-env "
                + e.getKey()
                + ")");
      }
      passwords.put(e.getKey(), value);
    }
    for (int i = 0; i < args.targets.size(); i++) {
      String target = args.targets.get(i);
      String where = "target " + (i + 1) + " (" + ErrorTexts.clean(target, 120) + ")";
      String name = null;
      String url = target;
      int eq = target.indexOf('=');
      int scheme = target.indexOf("://");
      if (eq > 0 && (scheme < 0 || eq < scheme)) {
        name = target.substring(0, eq);
        url = target.substring(eq + 1);
        if (!NAME.matcher(name).matches()) {
          throw new UsageException(
              where + ": name must be 1-64 characters from A-Z a-z 0-9 _ . : / @ -");
        }
      }
      URI uri = parse(url, where);
      String kind = uri.getScheme().toLowerCase(Locale.ROOT);
      String checkName = name != null ? name : defaultName(kind, uri);
      if (checks.containsKey(checkName)) {
        throw new UsageException(
            where + ": a second target is named '" + checkName + "': prefix it with name=");
      }
      checks.put(checkName, check(kind, uri, passwords.remove(checkName), timeout, where));
    }
    if (!passwords.isEmpty()) {
      throw new UsageException(
          "--password-env names no target: "
              + passwords.keySet()
              + " (names: "
              + checks.keySet()
              + ")");
    }
    return checks;
  }

  private static URI parse(String url, String where) throws UsageException {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new UsageException(where + ": not an absolute URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException(where + ": malformed URL (percent-encode special characters)");
    }
  }

  private static String defaultName(String kind, URI uri) {
    switch (kind) {
      case "postgres":
      case "postgresql":
        return "postgres";
      case "redis":
      case "rediss":
        return "redis";
      case "tcp":
        return uri.getHost() + ":" + uri.getPort();
      default:
        return uri.getHost();
    }
  }

  private static HealthCheck check(
      String kind, URI uri, @Nullable String password, Duration timeout, String where)
      throws UsageException {
    try {
      switch (kind) {
        case "http":
        case "https":
          if (password != null) {
            throw new UsageException(where + ": --password-env is not supported for http targets");
          }
          return HttpHealthCheck.builder(uri).timeout(timeout).build();
        case "postgres":
        case "postgresql":
          return postgres(uri, password, timeout);
        case "redis":
        case "rediss":
          RedisHealthCheck.Builder redis = RedisHealthCheck.builder(uri).timeout(timeout);
          if (password != null) {
            redis.password(password);
          }
          return redis.build();
        case "tcp":
          if (uri.getPort() < 0) {
            throw new UsageException(where + ": tcp targets need a port: tcp://host:port");
          }
          if (password != null) {
            throw new UsageException(where + ": --password-env is not supported for tcp targets");
          }
          return TcpHealthCheck.of(uri.getHost(), uri.getPort()).withTimeout(timeout);
        default:
          throw new UsageException(
              where
                  + ": unsupported scheme "
                  + kind
                  + " (use http, https, postgresql, redis, rediss or tcp)");
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(where + ": " + ErrorTexts.clean(e.getMessage(), 200));
    }
  }

  private static HealthCheck postgres(URI uri, @Nullable String password, Duration timeout) {
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() >= 0) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    if (uri.getRawQuery() != null) {
      jdbc.append('?').append(uri.getRawQuery());
    }
    JdbcHealthCheck.Builder b = JdbcHealthCheck.builder(jdbc.toString()).timeout(timeout);
    String userInfo = uri.getUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      b.user(colon < 0 ? userInfo : userInfo.substring(0, colon));
      if (colon >= 0) {
        b.password(userInfo.substring(colon + 1));
      }
    }
    if (password != null) {
      b.password(password);
    }
    return b.build();
  }
}
