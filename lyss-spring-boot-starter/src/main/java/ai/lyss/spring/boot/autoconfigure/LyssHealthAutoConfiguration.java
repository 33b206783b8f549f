package ai.lyss.spring.boot.autoconfigure;

import ai.lyss.core.RequestView;
import ai.lyss.health.CheckOptions;
import ai.lyss.health.DetailAccess;
import ai.lyss.health.HealthCheck;
import ai.lyss.health.HealthRegistry;
import ai.lyss.health.micrometer.HealthMetrics;
import ai.lyss.health.servlet.HealthServlet;
import ai.lyss.spring.boot.LyssHealthProperties;
import ai.lyss.spring.boot.LyssHealthRegistryCustomizer;
import ai.lyss.spring.boot.internal.HealthChecksFromProperties;
import ai.lyss.spring.boot.internal.HealthIndicatorNames;
import ai.lyss.spring.boot.internal.LyssHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;
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
 * Wires lyss-health: a {@link HealthRegistry} with the checks of {@code lyss.health.checks.*} and
 * every {@link HealthCheck} bean (a readiness check named after the bean), the platform endpoints
 * {@code /health}, {@code /health/live} and {@code /health/ready}, Micrometer check metrics, and
 * Actuator contributors {@code lyssLiveness} and {@code lyssReadiness} in the {@code liveness} and
 * {@code readiness} health groups.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
      // The same auto-configurations on Boot 3.5.
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"
    })
@ConditionalOnClass(HealthRegistry.class)
@ConditionalOnBooleanProperty(name = "lyss.health.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LyssHealthProperties.class)
public final class LyssHealthAutoConfiguration {

  /** Created by Spring. */
  public LyssHealthAutoConfiguration() {}

  /**
   * The registry; closed with the context.
   *
   * @param properties {@code lyss.health.*}
   * @param checks the application's {@link HealthCheck} beans, by bean name
   * @param dataSource the application's DataSource, for jdbc checks without a url
   * @param customizers the service's registry customizers
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public HealthRegistry lyssHealthRegistry(
      LyssHealthProperties properties,
      ObjectProvider<Map<String, HealthCheck>> checks,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<LyssHealthRegistryCustomizer> customizers) {
    HealthRegistry.Builder builder =
        HealthRegistry.builder()
            .defaultTimeout(properties.getDefaultTimeout())
            .deadline(properties.getDeadline())
            .cacheTtl(properties.getCacheTtl());
    HealthChecksFromProperties.register(builder, properties, dataSource::getIfUnique);
    Map<String, HealthCheck> beans = checks.getIfAvailable(Map::of);
    beans.forEach((name, check) -> builder.register(name, check, CheckOptions.readiness()));
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /** Check status and duration as Micrometer meters, when Micrometer is set up. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static final class MicrometerConfiguration {

    @Bean
    LyssHealthRegistryCustomizer lyssHealthMetricsCustomizer(
        ObjectProvider<MeterRegistry> meterRegistry) {
      return builder -> {
        MeterRegistry registry = meterRegistry.getIfUnique();
        if (registry != null) {
          builder.listener(HealthMetrics.create(registry));
        }
      };
    }
  }

  /** The platform's health endpoints as a servlet. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.http.HttpServlet")
  @ConditionalOnBooleanProperty(name = "lyss.health.endpoints-enabled", matchIfMissing = true)
  static final class ServletConfiguration {

    @Bean
    ServletRegistrationBean<HealthServlet> lyssHealthServlet(
        HealthRegistry registry, LyssHealthProperties properties) {
      String token = properties.getDetailToken();
      Predicate<RequestView> access =
          token == null ? DetailAccess.none() : DetailAccess.bearerToken(token);
      String path = properties.getEndpointsPath();
      ServletRegistrationBean<HealthServlet> registration =
          new ServletRegistrationBean<>(HealthServlet.of(registry, access), path, path + "/*");
      registration.setName("lyssHealthServlet");
      return registration;
    }
  }

  /** The Lyss reports as Actuator health contributors. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = HealthIndicatorNames.HEALTH_INDICATOR_CLASS)
  static final class ActuatorConfiguration {

    @Bean(name = HealthIndicatorNames.LIVENESS)
    LyssHealthIndicator lyssLivenessHealthIndicator(HealthRegistry registry) {
      return new LyssHealthIndicator(registry, HealthRegistry::liveness);
    }

    @Bean(name = HealthIndicatorNames.READINESS)
    LyssHealthIndicator lyssReadinessHealthIndicator(HealthRegistry registry) {
      return new LyssHealthIndicator(registry, HealthRegistry::readiness);
    }
  }
}
