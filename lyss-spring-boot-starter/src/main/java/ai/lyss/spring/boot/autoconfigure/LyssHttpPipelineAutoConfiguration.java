package ai.lyss.spring.boot.autoconfigure;

import ai.lyss.core.TenantResolver;
import ai.lyss.core.http.HttpObserver;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.servlet.LyssServletFilter;
import ai.lyss.spring.boot.internal.FilterOrders;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The one Lyss servlet filter: it drives the {@link HttpObserver}s that the metrics, logging and
 * tracing auto-configurations contribute (whichever modules the application links in and has
 * enabled), in the pipeline's fixed order. A {@link TenantResolver} bean replaces the default
 * {@code X-Tenant-ID} rule for every signal at once.
 */
@AutoConfiguration(
    after = {
      LyssMetricsAutoConfiguration.class,
      LyssLoggingAutoConfiguration.class,
      LyssTracingAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "jakarta.servlet.Filter")
@ConditionalOnBean(HttpObserver.class)
public final class LyssHttpPipelineAutoConfiguration {

  /** Created by Spring. */
  public LyssHttpPipelineAutoConfiguration() {}

  /**
   * The filter, registered for REQUEST dispatches.
   *
   * @param observers every signal's observer
   * @param tenantResolver the application's tenant rule, if any
   */
  @Bean
  public FilterRegistrationBean<LyssServletFilter> lyssFilter(
      ObjectProvider<HttpObserver> observers, ObjectProvider<TenantResolver> tenantResolver) {
    HttpPipeline.Builder pipeline =
        HttpPipeline.builder()
            .tenantResolver(tenantResolver.getIfAvailable(TenantResolver::fromTenantHeader));
    observers.orderedStream().forEach(pipeline::observer);
    FilterRegistrationBean<LyssServletFilter> registration =
        new FilterRegistrationBean<>(new LyssServletFilter(pipeline.build()));
    registration.setName("lyssFilter");
    registration.setOrder(FilterOrders.PIPELINE);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }
}
