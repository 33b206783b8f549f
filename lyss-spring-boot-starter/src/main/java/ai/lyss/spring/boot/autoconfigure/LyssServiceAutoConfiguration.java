package ai.lyss.spring.boot.autoconfigure;

import ai.lyss.spring.boot.LyssServiceProperties;
import ai.lyss.spring.boot.internal.ServiceIdentity;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Who the service is, for every Lyss signal: a {@link ServiceIdentity} resolved the same way as the
 * log fields (see {@link ServiceIdentity}), and one start-up line on the logger {@value #LOGGER}
 * saying where the name came from (INFO), or that nothing names the service (WARNING).
 */
@AutoConfiguration
@EnableConfigurationProperties(LyssServiceProperties.class)
public final class LyssServiceAutoConfiguration {

  /** The logger of the start-up line. */
  public static final String LOGGER = "ai.lyss.spring.boot.service";

  private static final Log LOG = LogFactory.getLog(LOGGER);

  /** Created by Spring. */
  public LyssServiceAutoConfiguration() {}

  /**
   * The identity, logged once.
   *
   * @param environment where the settings are read
   * @param resourceLoader whose class loader holds the build-info
   */
  @Bean
  @ConditionalOnMissingBean
  public ServiceIdentity lyssServiceIdentity(
      Environment environment, ResourceLoader resourceLoader) {
    ServiceIdentity identity =
        ServiceIdentity.resolve(environment, resourceLoader.getClassLoader());
    if (identity.named()) {
      LOG.info(identity.describe());
    } else {
      LOG.warn(identity.describe());
    }
    return identity;
  }
}
