package ai.lyss.spring.boot3.internal;

import ai.lyss.spring.boot.internal.LyssEnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Registers the common starter's {@link LyssEnvironmentPostProcessor} (JSON logging, service
 * identity, Actuator health groups) under Boot 3.5's {@code EnvironmentPostProcessor} contract.
 */
public final class Boot3EnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  private final LyssEnvironmentPostProcessor defaults = new LyssEnvironmentPostProcessor();

  /** Created by Boot. */
  public Boot3EnvironmentPostProcessor() {}

  @Override
  public int getOrder() {
    return defaults.getOrder();
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    defaults.postProcessEnvironment(environment, application);
  }
}
