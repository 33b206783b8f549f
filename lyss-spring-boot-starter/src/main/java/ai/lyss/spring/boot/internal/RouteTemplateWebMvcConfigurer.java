package ai.lyss.spring.boot.internal;

import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the {@link RouteTemplateInterceptor} with every Spring MVC handler mapping. */
public final class RouteTemplateWebMvcConfigurer implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new RouteTemplateInterceptor());
  }
}
