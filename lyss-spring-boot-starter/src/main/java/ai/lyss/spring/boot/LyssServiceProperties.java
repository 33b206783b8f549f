package ai.lyss.spring.boot;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who the service is, for the {@code service}/{@code version} log fields and the {@code service.*}
 * span resource ({@code lyss.service.*}). {@code OTEL_SERVICE_NAME} wins over the name; unset
 * values fall back to {@code spring.application.name} and the jar's build-info (name and version),
 * and to the {@code LYSS_ENVIRONMENT} variable.
 */
@ConfigurationProperties(LyssServiceProperties.PREFIX)
public final class LyssServiceProperties {

  /** The property prefix. */
  public static final String PREFIX = "lyss.service";

  /**
   * Service name (also LYSS_SERVICE_NAME); OTEL_SERVICE_NAME wins over it; defaults to
   * spring.application.name, then the build-info name, then unknown_service:java.
   */
  private @Nullable String name;

  /** Service version (also LYSS_SERVICE_VERSION); defaults to the build-info version. */
  private @Nullable String version;

  /** Deployment environment (for example production); defaults to LYSS_ENVIRONMENT. */
  private @Nullable String environment;

  /** The service name, or {@code null} when not configured. */
  public @Nullable String getName() {
    return name;
  }

  /**
   * Sets the service name.
   *
   * @param name for example {@code model-router}
   */
  public void setName(@Nullable String name) {
    this.name = Checks.notBlank(PREFIX + ".name", name);
  }

  /** The service version, or {@code null} when not configured. */
  public @Nullable String getVersion() {
    return version;
  }

  /**
   * Sets the service version.
   *
   * @param version for example {@code 1.4.2}
   */
  public void setVersion(@Nullable String version) {
    this.version = Checks.notBlank(PREFIX + ".version", version);
  }

  /** The deployment environment, or {@code null} when not configured. */
  public @Nullable String getEnvironment() {
    return environment;
  }

  /**
   * Sets the deployment environment.
   *
   * @param environment for example {@code production}
   */
  public void setEnvironment(@Nullable String environment) {
    this.environment = Checks.notBlank(PREFIX + ".environment", environment);
  }
}
