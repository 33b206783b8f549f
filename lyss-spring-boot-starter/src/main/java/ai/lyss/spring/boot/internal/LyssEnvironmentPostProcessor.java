package ai.lyss.spring.boot.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Adds the starter's defaults, with the lowest precedence, before Boot initialises logging:
 *
 * <ul>
 *   <li>{@code logging.config} pointing at the Lyss JSON output, when lyss-logging and Logback are
 *       present, {@code lyss.logging.enabled} and {@code lyss.logging.json-output} are not false,
 *       and the service configures logging neither by {@code logging.config} nor by a {@code
 *       logback*.xml} of its own (with {@code spring.main.banner-mode=off}: the banner is not
 *       JSON);
 *   <li>the service identity the JSON output reads ({@code lyss.logging.resolved.*}, see {@link
 *       ServiceIdentity});
 *   <li>{@value #HTTP_SERVER_OBSERVATION}{@code =false} when lyss-metrics is present and on: the
 *       request is timed once, by Lyss;
 *   <li>Actuator health groups {@code liveness} and {@code readiness} that include the Lyss checks
 *       (and Boot's {@code livenessState}/{@code readinessState} when Kubernetes probes are on),
 *       when lyss-health and Actuator's health support are present and the service defines no such
 *       groups itself.
 * </ul>
 *
 * <p>Boot-neutral: {@link Boot4EnvironmentPostProcessor} registers it on Boot 4 and
 * lyss-spring-boot3-starter on Boot 3.5 (their {@code EnvironmentPostProcessor} interfaces differ).
 */
public final class LyssEnvironmentPostProcessor implements Ordered {

  /** The name of the property source this adds. */
  public static final String PROPERTY_SOURCE = "lyssStarterDefaults";

  /** The Logback configuration the starter ships. */
  public static final String LOGBACK_CONFIG =
      "classpath:ai/lyss/spring/boot/logback-lyss-spring.xml";

  /** Boot's switch for its HTTP server observation, which the starter turns off by default. */
  public static final String HTTP_SERVER_OBSERVATION =
      "management.observations.enable.http.server.requests";

  private static final String[] SERVICE_LOGBACK_FILES = {
    "logback-test-spring.xml", "logback-test.xml", "logback-spring.xml", "logback.xml",
    "logback-test-spring.groovy", "logback-test.groovy", "logback-spring.groovy", "logback.groovy"
  };

  @Override
  public int getOrder() {
    // After config data (application.properties) is loaded, before logging starts.
    return Ordered.LOWEST_PRECEDENCE;
  }

  /**
   * Adds the defaults.
   *
   * @param environment the environment, with the service's configuration loaded
   * @param application the application
   */
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    ClassLoader loader = application.getClassLoader();
    Map<String, Object> defaults = new LinkedHashMap<>();
    if (jsonOutputWanted(environment, loader)) {
      defaults.put("logging.config", LOGBACK_CONFIG);
      // The ASCII-art banner goes straight to standard output and is not JSON.
      defaults.put("spring.main.banner-mode", "off");
    }
    defaults.putAll(LoggingIdentity.properties(environment, loader));
    if (ClassUtils.isPresent("ai.lyss.metrics.LyssMetrics", loader)
        && flag(environment, "lyss.metrics.enabled")) {
      // One HTTP server histogram: Lyss records http_request_duration_seconds, so Boot's
      // http.server.requests observation (http_server_requests_seconds) is off unless the service
      // turns it back on with the same property.
      defaults.put(HTTP_SERVER_OBSERVATION, "false");
    }
    if (healthGroupsWanted(environment, loader)) {
      // With Kubernetes probes on, Boot would define these groups with its availability states
      // (readinessState turns OUT_OF_SERVICE during graceful shutdown); keep them in.
      boolean probes = probesEnabled(environment);
      putIfAbsent(
          environment,
          defaults,
          "liveness",
          probes
              ? "livenessState," + HealthIndicatorNames.LIVENESS
              : HealthIndicatorNames.LIVENESS);
      putIfAbsent(
          environment,
          defaults,
          "readiness",
          probes
              ? "readinessState," + HealthIndicatorNames.READINESS
              : HealthIndicatorNames.READINESS);
    }
    environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
  }

  private static boolean jsonOutputWanted(ConfigurableEnvironment environment, ClassLoader loader) {
    if (!ClassUtils.isPresent("ai.lyss.logging.LyssJsonEncoder", loader)
        || !ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext", loader)
        || !flag(environment, "lyss.logging.enabled")
        || !flag(environment, "lyss.logging.json-output")
        || environment.containsProperty("logging.config")) {
      return false;
    }
    for (String file : SERVICE_LOGBACK_FILES) {
      if (loader.getResource(file) != null) {
        return false;
      }
    }
    return true;
  }

  private static boolean healthGroupsWanted(
      ConfigurableEnvironment environment, ClassLoader loader) {
    return ClassUtils.isPresent("ai.lyss.health.HealthRegistry", loader)
        && HealthIndicatorNames.actuatorHealthPresent(loader)
        && flag(environment, "lyss.health.enabled")
        && flag(environment, "lyss.health.actuator-groups");
  }

  private static boolean probesEnabled(ConfigurableEnvironment environment) {
    return environment.getProperty(
        "management.endpoint.health.probes.enabled",
        Boolean.class,
        CloudPlatform.getActive(environment) == CloudPlatform.KUBERNETES);
  }

  private static void putIfAbsent(
      ConfigurableEnvironment environment,
      Map<String, Object> defaults,
      String group,
      String contributor) {
    String prefix = "management.endpoint.health.group." + group + ".";
    if (!environment.containsProperty(prefix + "include")
        && !environment.containsProperty(prefix + "exclude")) {
      defaults.put(prefix + "include", contributor);
    }
  }

  private static boolean flag(ConfigurableEnvironment environment, String name) {
    return environment.getProperty(name, Boolean.class, Boolean.TRUE);
  }
}
