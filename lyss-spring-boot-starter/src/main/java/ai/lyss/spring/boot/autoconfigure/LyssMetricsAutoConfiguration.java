package ai.lyss.spring.boot.autoconfigure;

import ai.lyss.core.http.HttpObserver;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.LyssMetricsBuilder;
import ai.lyss.metrics.aspectj.MonitorApiAspect;
import ai.lyss.metrics.internal.Exposition;
import ai.lyss.metrics.servlet.PrometheusServlet;
import ai.lyss.spring.boot.LyssMetricsProperties;
import ai.lyss.spring.boot.internal.PoolConnectionGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires lyss-metrics: the catalog on Boot's {@code MeterRegistry} (a Prometheus registry of its own
 * when the service has none), the HTTP filter (route templates come from {@link
 * LyssRouteTemplateAutoConfiguration}), {@code @MonitorApi} through Spring AOP and the Prometheus
 * exposition at {@code lyss.metrics.endpoint-path}.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
      // The same auto-configurations on Boot 3.5.
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass(LyssMetrics.class)
@ConditionalOnBooleanProperty(name = "lyss.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LyssMetricsProperties.class)
public final class LyssMetricsAutoConfiguration {

  private static final Log LOG = LogFactory.getLog(LyssMetricsAutoConfiguration.class);

  /** Created by Spring. */
  public LyssMetricsAutoConfiguration() {}

  /**
   * The Lyss metrics, on the application's {@code MeterRegistry} when there is one.
   *
   * @param properties the {@code lyss.metrics.*} settings
   * @param registry Boot's registry, if any
   * @param binders the {@code MeterBinder} beans, bound here when the Lyss registry is its own
   *     (Boot binds them to its own registries)
   */
  @Bean
  @ConditionalOnMissingBean
  public LyssMetrics lyssMetrics(
      LyssMetricsProperties properties,
      ObjectProvider<MeterRegistry> registry,
      ObjectProvider<MeterBinder> binders) {
    LyssMetricsBuilder builder =
        LyssMetrics.builder()
            .maxTenantsPerMetric(properties.getMaxTenantsPerMetric())
            .maxEndpointsPerMetric(properties.getMaxEndpointsPerMetric())
            .maxValuesPerLabel(properties.getMaxValuesPerLabel())
            .groupUnmatchedNotFound(properties.isGroupUnmatchedNotFound());
    MeterRegistry meterRegistry = registry.getIfUnique();
    if (meterRegistry != null
        && (Exposition.canScrape(meterRegistry) || !properties.isEndpointEnabled())) {
      return builder.registry(meterRegistry).build();
    }
    if (meterRegistry != null) {
      // Boot's metrics export is off (@SpringBootTest's default, or the service's setting):
      // /metrics still serves the platform metrics, from a Prometheus registry of their own.
      LOG.info(
          "Spring Boot's MeterRegistry ("
              + meterRegistry.getClass().getSimpleName()
              + ") has no Prometheus registry, its metrics export being off; the Lyss metrics"
              + " use their own Prometheus registry for "
              + properties.getEndpointPath());
    }
    LyssMetrics metrics = builder.build();
    binders.orderedStream().forEach(binder -> binder.bindTo(metrics.registry()));
    return metrics;
  }

  /** {@code @MonitorApi} through Spring AOP, when AspectJ's annotations are on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.aspectj.lang.annotation.Aspect")
  static final class MonitorApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MonitorApiAspect lyssMonitorApiAspect(LyssMetrics metrics) {
      return new MonitorApiAspect(metrics);
    }
  }

  /** {@code active_connections} of every HikariCP data source, read from its pool. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "com.zaxxer.hikari.HikariDataSource")
  @ConditionalOnBooleanProperty(name = "lyss.metrics.pool-connections", matchIfMissing = true)
  static final class PoolConnectionsConfiguration {

    @Bean
    static PoolConnectionGauges lyssPoolConnectionGauges(
        ListableBeanFactory beans, ObjectProvider<LyssMetrics> metrics) {
      return new PoolConnectionGauges(beans, metrics);
    }
  }

  /** The metrics part of the request pipeline and the exposition servlet. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.Filter")
  static final class ServletConfiguration {

    @Bean
    HttpObserver lyssMetricsHttpObserver(LyssMetrics metrics) {
      return metrics.httpObserver();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "lyss.metrics.endpoint-enabled", matchIfMissing = true)
    ServletRegistrationBean<PrometheusServlet> lyssPrometheusServlet(
        LyssMetrics metrics, LyssMetricsProperties properties) {
      PrometheusServlet servlet;
      try {
        servlet = PrometheusServlet.create(metrics);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            "lyss.metrics.endpoint-enabled=true needs a PrometheusMeterRegistry, but the"
                + " application's MeterRegistry has none: add io.micrometer:"
                + "micrometer-registry-prometheus and keep"
                + " management.prometheus.metrics.export.enabled on, or set"
                + " lyss.metrics.endpoint-enabled=false",
            e);
      }
      ServletRegistrationBean<PrometheusServlet> registration =
          new ServletRegistrationBean<>(servlet, properties.getEndpointPath());
      registration.setName("lyssPrometheusServlet");
      return registration;
    }
  }
}
