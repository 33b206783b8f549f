package ai.lyss.spring.boot.autoconfigure;

import ai.lyss.spring.boot.internal.RouteTemplateWebMvcConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Puts Spring MVC's best-matching pattern into the {@code ai.lyss.route} request attribute, so the
 * Lyss metrics, tracing and logging filters label requests with route templates ({@code
 * /v1/conversations/{id}}) rather than raw paths.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.HandlerInterceptor")
public final class LyssRouteTemplateAutoConfiguration {

  /** Created by Spring. */
  public LyssRouteTemplateAutoConfiguration() {}

  /** The {@code WebMvcConfigurer} that registers the route-template interceptor. */
  @Bean
  @ConditionalOnMissingBean
  public RouteTemplateWebMvcConfigurer lyssRouteTemplateWebMvcConfigurer() {
    return new RouteTemplateWebMvcConfigurer();
  }
}
