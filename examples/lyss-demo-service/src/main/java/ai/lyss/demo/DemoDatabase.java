package ai.lyss.demo;

import ai.lyss.demo.gateway.ConversationStore;
import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.jdbc.TracingDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The conversation store's database: an in-memory H2 by default, the PostgreSQL of {@code --db-url}
 * otherwise, always behind lyss-tracing's {@link TracingDataSource} so every statement is a CLIENT
 * span and one slower than {@link TracingDataSource#DEFAULT_SLOW_QUERY_THRESHOLD} is logged as
 * {@code "slow query"}. No pool: a real service would put one (HikariCP) under the wrapper.
 */
final class DemoDatabase {

  /** The default: private to the process, gone when it exits. */
  static final String IN_MEMORY_URL = "jdbc:h2:mem:lyss_demo;DB_CLOSE_DELAY=-1";

  private DemoDatabase() {}

  /**
   * Opens the store.
   *
   * @throws IllegalStateException naming the setting when the database cannot be used
   */
  static ConversationStore conversations(DemoConfig config, LyssTracing tracing) {
    DataSource traced =
        TracingDataSource.builder(tracing.getOpenTelemetry()).build().wrap(dataSource(config));
    try {
      return new ConversationStore(traced);
    } catch (SQLException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot open the conversation store at "
              + (config.dbUrl == null ? IN_MEMORY_URL : "--db-url / LYSS_DB_URL")
              + " ("
              + e.getMessage()
              + "): check the URL, "
              + DemoConfig.Setting.DB_USER_ENV
              + " and "
              + DemoConfig.Setting.DB_PASSWORD_ENV
              + ", or leave --db-url empty for the in-memory database",
          e);
    }
  }

  private static DataSource dataSource(DemoConfig config) {
    String url = config.dbUrl;
    if (url == null || url.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url == null ? IN_MEMORY_URL : url);
      if (config.dbUser != null) {
        h2.setUser(config.dbUser);
      }
      if (config.dbPassword != null) {
        h2.setPassword(config.dbPassword);
      }
      return h2;
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    try {
      pg.setURL(url);
    } catch (IllegalArgumentException e) {
      // The driver's message repeats the URL, which may hold a password.
      throw new IllegalArgumentException(
          "Invalid --db-url / LYSS_DB_URL: set it to jdbc:postgresql://host:port/database", e);
    }
    if (config.dbUser != null) {
      pg.setUser(config.dbUser);
    }
    if (config.dbPassword != null) {
      pg.setPassword(config.dbPassword);
    }
    pg.setConnectTimeout(5);
    pg.setApplicationName(DemoInfo.SERVICE);
    return pg;
  }
}
