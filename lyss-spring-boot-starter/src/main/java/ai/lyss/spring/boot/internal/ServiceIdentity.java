package ai.lyss.spring.boot.internal;

import ai.lyss.spring.boot.LyssServiceProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The service's name, version and environment for logs and spans: {@code lyss.service.*}, then
 * {@code spring.application.name} (name only), then the {@code LYSS_SERVICE_NAME}, {@code
 * LYSS_SERVICE_VERSION} and {@code LYSS_ENVIRONMENT} settings.
 *
 * @param name the service name, or {@code null} when nothing names it
 * @param version the version, or {@code null}
 * @param environment the deployment environment, or {@code null}
 */
public record ServiceIdentity(
    @Nullable String name, @Nullable String version, @Nullable String environment) {

  /** Spring's application name property. */
  public static final String SPRING_APPLICATION_NAME = "spring.application.name";

  /**
   * Resolves the identity.
   *
   * @param properties {@code lyss.service.*}
   * @param environment the Spring environment
   */
  public static ServiceIdentity of(LyssServiceProperties properties, Environment environment) {
    return new ServiceIdentity(
        first(
            properties.getName(),
            environment.getProperty(SPRING_APPLICATION_NAME),
            environment.getProperty("LYSS_SERVICE_NAME")),
        first(properties.getVersion(), environment.getProperty("LYSS_SERVICE_VERSION"), null),
        first(properties.getEnvironment(), environment.getProperty("LYSS_ENVIRONMENT"), null));
  }

  private static @Nullable String first(
      @Nullable String a, @Nullable String b, @Nullable String c) {
    for (String value : new String[] {a, b, c}) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
