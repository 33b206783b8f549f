package ai.lyss.spring.boot.internal;

import ai.lyss.spring.boot.LyssTracingProperties;
import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.jdbc.TracingDataSource;
import io.opentelemetry.instrumentation.jdbc.datasource.OpenTelemetryDataSource;
import javax.sql.DataSource;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link DataSource} bean once with lyss-tracing's {@link TracingDataSource}: each
 * statement a CLIENT span, a statement slower than {@code lyss.tracing.jdbc.slow-query-threshold}
 * logged once as {@code "slow query"}. Left alone: a data source already wrapped by OpenTelemetry's
 * JDBC instrumentation (ours or anyone's), a routing data source (its targets are wrapped, and a
 * statement would otherwise be two spans), and the target bean behind a scoped proxy. The tracing
 * and the settings are looked up lazily: a post-processor must not pull beans in early.
 */
public final class DataSourceTracingPostProcessor implements BeanPostProcessor {

  private static final String ROUTING_DATA_SOURCE =
      "org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource";

  private final ObjectProvider<LyssTracing> tracing;
  private final ObjectProvider<LyssTracingProperties> properties;

  /**
   * Creates the post-processor.
   *
   * @param tracing the tracing, resolved when the first data source bean appears
   * @param properties {@code lyss.tracing.*}, resolved at the same time
   */
  public DataSourceTracingPostProcessor(
      ObjectProvider<LyssTracing> tracing, ObjectProvider<LyssTracingProperties> properties) {
    this.tracing = tracing;
    this.properties = properties;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof DataSource dataSource)
        || bean instanceof OpenTelemetryDataSource
        || isRouting(bean.getClass())
        || ScopedProxyUtils.isScopedTarget(beanName)) {
      return bean;
    }
    LyssTracing current = tracing.getIfAvailable();
    LyssTracingProperties settings = properties.getIfAvailable();
    if (current == null || settings == null) {
      return bean;
    }
    return TracingDataSource.builder(current.getOpenTelemetry())
        .slowQueryThreshold(settings.getJdbc().getSlowQueryThreshold())
        .build()
        .wrap(dataSource);
  }

  private static boolean isRouting(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(ROUTING_DATA_SOURCE)) {
        return true;
      }
    }
    return false;
  }
}
