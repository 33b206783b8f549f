package ai.lyss.spring.boot.internal;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Registers {@link LyssEnvironmentPostProcessor} under Boot 4's {@code EnvironmentPostProcessor}
 * contract. Boot 3.5 does not know that key (nor this interface), so it never loads this class.
 */
public final class Boot4EnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  private final LyssEnvironmentPostProcessor defaults = new LyssEnvironmentPostProcessor();

  /** Created by Boot. */
  public Boot4EnvironmentPostProcessor() {}

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
