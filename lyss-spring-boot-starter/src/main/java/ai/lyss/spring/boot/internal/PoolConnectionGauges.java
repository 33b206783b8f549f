package ai.lyss.spring.boot.internal;

import ai.lyss.core.TenantResolver;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.MetricCatalog;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * {@code active_connections{database, tenant_id}} for every HikariCP {@link DataSource} bean, read
 * from the pool's own MXBean ({@code getActiveConnections()}) when Prometheus scrapes: {@code
 * database} is the bean name, {@code tenant_id} is {@code unknown} (a pool serves every tenant). A
 * data source wrapped for tracing is unwrapped to its pool. Registered once every singleton exists,
 * so no data source is created early.
 */
public final class PoolConnectionGauges implements SmartInitializingSingleton {

  private final ListableBeanFactory beans;
  private final ObjectProvider<LyssMetrics> metrics;

  /**
   * Creates the registrar.
   *
   * @param beans where the data sources are found
   * @param metrics whose registry gets the gauges
   */
  public PoolConnectionGauges(ListableBeanFactory beans, ObjectProvider<LyssMetrics> metrics) {
    this.beans = beans;
    this.metrics = metrics;
  }

  @Override
  public void afterSingletonsInstantiated() {
    LyssMetrics lyss = metrics.getIfAvailable();
    if (lyss == null) {
      return;
    }
    Map<String, DataSource> dataSources = beans.getBeansOfType(DataSource.class, false, false);
    dataSources.forEach(
        (name, dataSource) -> {
          HikariDataSource pool = hikari(dataSource);
          if (pool != null) {
            register(lyss, name, pool);
          }
        });
  }

  private static void register(LyssMetrics metrics, String database, HikariDataSource pool) {
    Gauge.builder(MetricCatalog.ACTIVE_CONNECTIONS.meterName(), pool, PoolConnectionGauges::active)
        .description(MetricCatalog.ACTIVE_CONNECTIONS.help())
        .tag(MetricCatalog.DATABASE, database)
        .tag(MetricCatalog.TENANT_ID, TenantResolver.UNKNOWN_TENANT)
        .register(metrics.registry());
  }

  private static double active(HikariDataSource pool) {
    // The pool starts on the first getConnection(); until then nothing is active.
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    return bean == null ? 0 : bean.getActiveConnections();
  }

  private static @Nullable HikariDataSource hikari(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource pool) {
      return pool;
    }
    try {
      return dataSource.isWrapperFor(HikariDataSource.class)
          ? dataSource.unwrap(HikariDataSource.class)
          : null;
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }
}
