package ai.lyss.spring.boot.autoconfigure;

import ai.lyss.core.http.HttpObserver;
import ai.lyss.logging.RequestLogging;
import ai.lyss.logging.StructuredLogger;
import ai.lyss.logging.micrometer.LoggingMetrics;
import ai.lyss.spring.boot.LyssLoggingProperties;
import ai.lyss.spring.boot.internal.ContainerErrorContext;
import ai.lyss.spring.boot.internal.FilterOrders;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletRequestListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires lyss-logging: request logging in the request pipeline ({@code Request
 * started/completed/aborted/failed} lines, {@code request_id}/{@code tenant_id} in the MDC). The
 * JSON output itself is installed before the context starts, as Boot's {@code logging.config} (see
 * the starter README); {@code lyss.logging.enabled=false} turns off both.
 */
@AutoConfiguration
@ConditionalOnClass(StructuredLogger.class)
@ConditionalOnBooleanProperty(name = "lyss.logging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LyssLoggingProperties.class)
public final class LyssLoggingAutoConfiguration {

  /** Created by Spring. */
  public LyssLoggingAutoConfiguration() {}

  /**
   * The appender's drop counters on the application's registries (Boot binds {@code MeterBinder}
   * beans), never on Micrometer's global registry.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  static final class MicrometerConfiguration {

    @Bean
    LoggingMetrics lyssLoggingMetrics() {
      return LoggingMetrics.create();
    }
  }

  /** Request logging, the logging part of the request pipeline. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.Filter")
  @ConditionalOnBooleanProperty(name = "lyss.logging.request-logging", matchIfMissing = true)
  static final class ServletConfiguration {

    @Bean
    HttpObserver lyssRequestLoggingHttpObserver(LyssLoggingProperties properties) {
      try {
        return RequestLogging.builder().trustedProxies(properties.getTrustedProxies()).build();
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "Invalid lyss.logging.trusted-proxies: " + e.getMessage(), e);
      }
    }

    /** Copies a failing request's MDC entries inside the Lyss filter (see restore). */
    @Bean
    FilterRegistrationBean<Filter> lyssErrorContextCapture() {
      return errorContextFilter(
          "lyssErrorContextCapture",
          ContainerErrorContext.capture(),
          FilterOrders.ERROR_CONTEXT_CAPTURE);
    }

    /**
     * Puts them back outside the Lyss filter, so the container's own exception line and error page
     * carry {@code request_id}, {@code tenant_id} and {@code trace_id}.
     */
    @Bean
    FilterRegistrationBean<Filter> lyssErrorContextRestore() {
      return errorContextFilter(
          "lyssErrorContextRestore",
          ContainerErrorContext.restore(),
          FilterOrders.ERROR_CONTEXT_RESTORE);
    }

    /** Removes them when the container destroys the request. */
    @Bean
    ServletListenerRegistrationBean<ServletRequestListener> lyssErrorContextCleanup() {
      return new ServletListenerRegistrationBean<>(ContainerErrorContext.cleanup());
    }

    private static FilterRegistrationBean<Filter> errorContextFilter(
        String name, Filter filter, int order) {
      FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
      registration.setName(name);
      registration.setOrder(order);
      registration.setDispatcherTypes(DispatcherType.REQUEST);
      return registration;
    }
  }
}
