package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.metrics.LyssMetrics;
import ai.lyss.spring.boot.autoconfigure.LyssMetricsAutoConfiguration;
import ai.lyss.spring.boot.autoconfigure.LyssServiceAutoConfiguration;
import ai.lyss.spring.boot.autoconfigure.LyssTracingAutoConfiguration;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code active_connections} of a HikariCP data source, read from the pool itself. */
class PoolConnectionMetricsTest {

  private static final String SERIES =
      "active_connections{database=\"dataSource\",tenant_id=\"unknown\"}";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  LyssServiceAutoConfiguration.class,
                  LyssMetricsAutoConfiguration.class,
                  LyssTracingAutoConfiguration.class))
          .withPropertyValues(
              "spring.application.name=pool-test",
              "lyss.tracing.otlp-export=false",
              "lyss.tracing.register-global=false")
          .withBean(
              "dataSource",
              DataSource.class,
              PoolConnectionMetricsTest::pool,
              definition -> definition.setDestroyMethodName("close"));

  @Test
  void activeConnectionsFollowTheConnectionsTheApplicationHolds() {
    runner.run(
        context -> {
          DataSource dataSource = context.getBean(DataSource.class);
          LyssMetrics metrics = context.getBean(LyssMetrics.class);

          try (Connection held = dataSource.getConnection()) {
            assertThat(held.isValid(1)).isTrue();
            assertThat(metrics.scrape()).contains(SERIES + " 1.0");
          }
          assertThat(metrics.scrape()).contains(SERIES + " 0.0");
        });
  }

  @Test
  void thePoolIsReadThroughTheTracingWrapper() {
    runner.run(
        context -> {
          DataSource dataSource = context.getBean(DataSource.class);

          assertThat(dataSource).isNotInstanceOf(HikariDataSource.class);
          assertThat(dataSource.isWrapperFor(HikariDataSource.class)).isTrue();
          assertThat(context.getBean(LyssMetrics.class).scrape()).contains(SERIES);
        });
  }

  @Test
  void poolConnectionsCanBeTurnedOff() {
    runner
        .withPropertyValues("lyss.metrics.pool-connections=false")
        .run(
            context ->
                assertThat(context.getBean(LyssMetrics.class).scrape())
                    .doesNotContain("database=\"dataSource\""));
  }

  private static DataSource pool() {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl("jdbc:h2:mem:pool-metrics;DB_CLOSE_DELAY=-1");
    pool.setMaximumPoolSize(2);
    return pool;
  }
}
