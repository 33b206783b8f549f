package ai.lyss.spring.boot.autoconfigure;

import ai.lyss.core.TenantResolver;
import ai.lyss.logging.StructuredLogger;
import ai.lyss.logging.servlet.RequestLoggingFilter;
import ai.lyss.spring.boot.LyssLoggingProperties;
import ai.lyss.spring.boot.LyssServiceProperties;
import ai.lyss.spring.boot.internal.FilterOrders;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires lyss-logging: the request-logging filter ({@code Request started/completed/failed} lines,
 * the {@code X-Request-ID} header, {@code request_id}/{@code tenant_id} in the MDC). The JSON
 * output itself is installed before the context starts, as Boot's {@code logging.config} (see the
 * starter README); {@code lyss.logging.enabled=false} turns off both.
 */
@AutoConfiguration
@ConditionalOnClass(StructuredLogger.class)
@ConditionalOnBooleanProperty(name = "lyss.logging.enabled", matchIfMissing = true)
@EnableConfigurationProperties({LyssLoggingProperties.class, LyssServiceProperties.class})
public final class LyssLoggingAutoConfiguration {

  /** Created by Spring. */
  public LyssLoggingAutoConfiguration() {}

  /** The request-logging filter. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.Filter")
  @ConditionalOnBooleanProperty(name = "lyss.logging.request-logging", matchIfMissing = true)
  static final class ServletConfiguration {

    @Bean
    FilterRegistrationBean<RequestLoggingFilter> lyssRequestLoggingFilter(
        LyssLoggingProperties properties, ObjectProvider<TenantResolver> tenantResolver) {
      RequestLoggingFilter filter;
      try {
        filter =
            RequestLoggingFilter.builder()
                .tenantResolver(tenantResolver.getIfAvailable(TenantResolver::fromTenantHeader))
                .trustedProxies(properties.getTrustedProxies())
                .build();
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "Invalid lyss.logging.trusted-proxies: " + e.getMessage(), e);
      }
      FilterRegistrationBean<RequestLoggingFilter> registration =
          new FilterRegistrationBean<>(filter);
      registration.setName("lyssRequestLoggingFilter");
      registration.setOrder(FilterOrders.REQUEST_LOGGING);
      registration.setDispatcherTypes(DispatcherType.REQUEST);
      return registration;
    }
  }
}
