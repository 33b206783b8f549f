package ai.lyss.spring.boot.internal;

import java.io.IOException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The service's name, version and environment, resolved once the same way for the log fields and
 * the span resource. The name: {@code OTEL_SERVICE_NAME} (the standard variable wins, as
 * OpenTelemetry specifies), then {@code lyss.service.name} (also {@code LYSS_SERVICE_NAME}), then
 * {@code spring.application.name}, then the {@code build.name} (else {@code build.artifact}) of the
 * jar's build-info ({@code spring.info.build.location}, default {@value #BUILD_INFO}), and only
 * then OpenTelemetry's {@value #UNKNOWN_NAME}. The version: {@code lyss.service.version} (also
 * {@code LYSS_SERVICE_VERSION}), then the build-info {@code build.version}. The environment: {@code
 * lyss.service.environment}, then {@code LYSS_ENVIRONMENT}.
 *
 * @param name the service name, {@value #UNKNOWN_NAME} when nothing names the service
 * @param nameSource the setting the name came from, {@code null} when nothing names the service
 * @param version the version, or {@code null}
 * @param environment the deployment environment, or {@code null}
 */
public record ServiceIdentity(
    String name,
    @Nullable String nameSource,
    @Nullable String version,
    @Nullable String environment) {

  /** Spring's application name property. */
  public static final String SPRING_APPLICATION_NAME = "spring.application.name";

  /** OpenTelemetry's standard service-name variable. */
  public static final String OTEL_SERVICE_NAME = "OTEL_SERVICE_NAME";

  /** The Lyss service-name property. */
  public static final String LYSS_SERVICE_NAME = "lyss.service.name";

  /** The Lyss service-version property. */
  public static final String LYSS_SERVICE_VERSION = "lyss.service.version";

  /** The Lyss deployment-environment property. */
  public static final String LYSS_ENVIRONMENT = "lyss.service.environment";

  /** Boot's setting for where build-info lives. */
  public static final String BUILD_INFO_LOCATION = "spring.info.build.location";

  /** Where spring-boot-maven-plugin's {@code build-info} goal writes it. */
  public static final String BUILD_INFO = "classpath:META-INF/build-info.properties";

  /** OpenTelemetry's name for a service nothing names. */
  public static final String UNKNOWN_NAME = "unknown_service:java";

  /**
   * Resolves the identity.
   *
   * @param environment the Spring environment
   * @param classLoader where build-info is looked up
   */
  public static ServiceIdentity resolve(
      Environment environment, @Nullable ClassLoader classLoader) {
    Properties build = buildInfo(environment, classLoader);
    String name = null;
    String source = null;
    for (String key :
        new String[] {OTEL_SERVICE_NAME, LYSS_SERVICE_NAME, SPRING_APPLICATION_NAME}) {
      name = value(environment.getProperty(key));
      if (name != null) {
        source = key;
        break;
      }
    }
    if (name == null) {
      name = value(build.getProperty("build.name"));
      source = "build-info build.name";
      if (name == null) {
        name = value(build.getProperty("build.artifact"));
        source = "build-info build.artifact";
      }
    }
    String version = value(environment.getProperty(LYSS_SERVICE_VERSION));
    if (version == null) {
      version = value(build.getProperty("build.version"));
    }
    return new ServiceIdentity(
        name == null ? UNKNOWN_NAME : name,
        name == null ? null : source,
        version,
        environment(environment));
  }

  /** Whether something named the service (else the name is {@value #UNKNOWN_NAME}). */
  public boolean named() {
    return nameSource != null;
  }

  /** The one start-up line saying where the name came from, or what to set. */
  public String describe() {
    if (!named()) {
      return "No service name configured: logs and spans use "
          + UNKNOWN_NAME
          + "; set spring.application.name, lyss.service.name or OTEL_SERVICE_NAME, or add"
          + " build-info to the jar (spring-boot-maven-plugin goal build-info)";
    }
    return "Service name '"
        + name
        + "' from "
        + nameSource
        + (version == null ? ", no version" : ", version '" + version + "'");
  }

  private static @Nullable String environment(Environment environment) {
    String value = value(environment.getProperty(LYSS_ENVIRONMENT));
    return value != null ? value : value(environment.getProperty("LYSS_ENVIRONMENT"));
  }

  private static Properties buildInfo(Environment environment, @Nullable ClassLoader loader) {
    String location = environment.getProperty(BUILD_INFO_LOCATION, BUILD_INFO);
    Resource resource = new DefaultResourceLoader(loader).getResource(location);
    if (!resource.exists()) {
      return new Properties();
    }
    try {
      return PropertiesLoaderUtils.loadProperties(resource);
    } catch (IOException e) {
      // An unreadable build-info names nothing; the later fallbacks apply.
      return new Properties();
    }
  }

  private static @Nullable String value(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
