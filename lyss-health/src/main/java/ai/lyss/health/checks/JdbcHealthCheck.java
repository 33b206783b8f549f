package ai.lyss.health.checks;

import static java.util.Objects.requireNonNull;

import ai.lyss.health.HealthCheck;
import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.internal.CancelScope;
import ai.lyss.health.internal.DownstreamCheck;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Healthy when a JDBC connection opens and is valid: {@link Connection#isValid(int)} by default, or
 * a validation query run with a query timeout. Works on a {@link DataSource} (a pool's own timeouts
 * apply) or a JDBC URL; for {@code jdbc:postgresql:} URLs the check adds {@code connectTimeout},
 * {@code socketTimeout} and {@code loginTimeout} derived from its timeout unless the URL sets them,
 * so no network wait is unbounded. The URL and password never appear in error texts.
 */
public final class JdbcHealthCheck implements HealthCheck, DownstreamCheck {

  private static final List<String> POSTGRES_TIMEOUTS =
      List.of("connectTimeout", "socketTimeout", "loginTimeout");

  private final @Nullable DataSource dataSource;
  private final @Nullable String url;
  private final Properties properties;
  private final @Nullable String validationQuery;
  private final Duration timeout;
  private final List<String> secrets;

  private JdbcHealthCheck(Builder b) {
    this.dataSource = b.dataSource;
    this.url = b.url;
    this.validationQuery = b.validationQuery;
    this.timeout = b.timeout;
    this.properties = new Properties();
    List<String> secrets = new ArrayList<>();
    if (b.user != null) {
      properties.setProperty("user", b.user);
    }
    if (b.password != null) {
      properties.setProperty("password", b.password);
      secrets.add(b.password);
    }
    String u = b.url;
    if (u != null) {
      secrets.add(u);
      int query = u.indexOf('?');
      if (query > 0) {
        secrets.add(u.substring(0, query));
      }
      if (u.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
        String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
        for (String key : POSTGRES_TIMEOUTS) {
          if (!u.contains(key + "=")) {
            properties.setProperty(key, seconds);
          }
        }
      }
    }
    this.secrets = List.copyOf(secrets);
  }

  /**
   * A check over a data source (a connection pool, typically), using {@code isValid}.
   *
   * @param dataSource the data source
   */
  public static JdbcHealthCheck of(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * A builder over a data source.
   *
   * @param dataSource the data source
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(requireNonNull(dataSource, "dataSource"), null);
  }

  /**
   * A builder over a JDBC URL, for example {@code jdbc:postgresql://db:5432/lyss}; the driver must
   * be on the class path.
   *
   * @param jdbcUrl the URL
   */
  public static Builder builder(String jdbcUrl) {
    requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "jdbcUrl must start with jdbc:, for example jdbc:postgresql://db:5432/lyss");
    }
    return new Builder(null, jdbcUrl);
  }

  /** The connection properties used with a URL (the password included); for tests. */
  Properties properties() {
    return properties;
  }

  @Override
  public HealthCheckResult check() {
    int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    try (Connection connection = connect()) {
      CancelScope.closeOnCancel(() -> connection.abort(Runnable::run));
      if (validationQuery == null) {
        return connection.isValid(seconds)
            ? HealthCheckResult.healthy()
            : HealthCheckResult.unhealthy("connection is not valid");
      }
      try (Statement statement = connection.createStatement()) {
        statement.setQueryTimeout(seconds);
        statement.execute(validationQuery);
      }
      return HealthCheckResult.healthy();
    } catch (SQLTimeoutException e) {
      return CheckSupport.timeout(timeout);
    } catch (SQLException | RuntimeException e) {
      return CheckSupport.failure(e, secrets);
    }
  }

  private Connection connect() throws SQLException {
    DataSource ds = dataSource;
    return ds != null
        ? ds.getConnection()
        : DriverManager.getConnection(requireNonNull(url), properties);
  }

  @Override
  public String toString() {
    return dataSource != null ? "JdbcHealthCheck{dataSource}" : "JdbcHealthCheck{url}";
  }

  /** Settings of a {@link JdbcHealthCheck}. */
  public static final class Builder {
    private final @Nullable DataSource dataSource;
    private final @Nullable String url;
    private @Nullable String user;
    private @Nullable String password;
    private @Nullable String validationQuery;
    private Duration timeout = CheckSupport.DEFAULT_TIMEOUT;

    private Builder(@Nullable DataSource dataSource, @Nullable String url) {
      this.dataSource = dataSource;
      this.url = url;
    }

    /**
     * Database user (URL checks only).
     *
     * @param user the user
     */
    public Builder user(String user) {
      this.user = requireNonNull(user, "user");
      return this;
    }

    /**
     * Database password (URL checks only); never appears in error texts.
     *
     * @param password the password
     */
    public Builder password(String password) {
      this.password = requireNonNull(password, "password");
      return this;
    }

    /**
     * A query to run instead of {@code isValid}, for example {@code SELECT 1}.
     *
     * @param sql the query
     */
    public Builder validationQuery(String sql) {
      requireNonNull(sql, "validationQuery");
      if (sql.isBlank()) {
        throw new IllegalArgumentException("validationQuery must not be blank");
      }
      this.validationQuery = sql;
      return this;
    }

    /**
     * Timeout of validation (rounded up to whole seconds, as JDBC wants) and, for PostgreSQL URLs,
     * of connect, login and socket reads (default 5 s).
     *
     * @param timeout positive duration
     */
    public Builder timeout(Duration timeout) {
      this.timeout = CheckSupport.positive(timeout, "timeout");
      return this;
    }

    /** Builds the check. */
    public JdbcHealthCheck build() {
      if (dataSource != null && (user != null || password != null)) {
        throw new IllegalArgumentException(
            "user/password apply to JDBC URL checks only: configure them on the DataSource");
      }
      return new JdbcHealthCheck(this);
    }
  }
}
