package ai.lyss.spring.boot3.autoconfigure;

import ai.lyss.health.HealthRegistry;
import ai.lyss.spring.boot.autoconfigure.LyssHealthAutoConfiguration;
import ai.lyss.spring.boot.autoconfigure.LyssTracingAutoConfiguration;
import ai.lyss.spring.boot.internal.HealthIndicatorNames;
import ai.lyss.spring.boot.internal.RestClientTracingInterceptor;
import ai.lyss.spring.boot3.internal.Boot3HealthIndicator;
import ai.lyss.tracing.LyssTracing;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Boot 3.5 forms of what the common starter wires through Boot 4 contracts: the Lyss liveness
 * and readiness reports as Actuator health indicators ({@code lyssLiveness}, {@code
 * lyssReadiness}), and trace propagation on {@code RestClient.Builder} beans. Same properties, same
 * behaviour as on Boot 4.
 */
@AutoConfiguration(after = {LyssHealthAutoConfiguration.class, LyssTracingAutoConfiguration.class})
public final class LyssBoot3AutoConfiguration {

  /** Created by Spring. */
  public LyssBoot3AutoConfiguration() {}

  /** The Lyss reports as Boot 3.5 Actuator health contributors. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {HealthIndicatorNames.BOOT3_HEALTH_INDICATOR_CLASS, "ai.lyss.health.HealthRegistry"})
  @ConditionalOnBean(HealthRegistry.class)
  static final class ActuatorHealthConfiguration {

    @Bean(name = HealthIndicatorNames.LIVENESS)
    Boot3HealthIndicator lyssLivenessHealthIndicator(HealthRegistry registry) {
      return new Boot3HealthIndicator(registry, HealthRegistry::liveness);
    }

    @Bean(name = HealthIndicatorNames.READINESS)
    Boot3HealthIndicator lyssReadinessHealthIndicator(HealthRegistry registry) {
      return new Boot3HealthIndicator(registry, HealthRegistry::readiness);
    }
  }

  /** {@code RestClient.Builder} beans get the propagating interceptor. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "org.springframework.boot.web.client.RestClientCustomizer",
        "ai.lyss.tracing.LyssTracing"
      })
  @ConditionalOnBean(LyssTracing.class)
  @ConditionalOnBooleanProperty(name = "lyss.tracing.client-propagation", matchIfMissing = true)
  static final class RestClientConfiguration {

    @Bean
    RestClientCustomizer lyssRestClientTracingCustomizer(LyssTracing tracing) {
      RestClientTracingInterceptor interceptor = new RestClientTracingInterceptor(tracing);
      return builder -> builder.requestInterceptor(interceptor);
    }
  }
}
