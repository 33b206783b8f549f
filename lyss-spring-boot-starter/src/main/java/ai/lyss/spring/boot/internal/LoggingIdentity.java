package ai.lyss.spring.boot.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The service identity of the JSON log lines, as properties the starter's Logback configuration
 * reads with {@code springProperty}. Resolved here rather than bound, because logging starts before
 * any bean exists.
 */
final class LoggingIdentity {

  static final String SERVICE_NAME = "lyss.logging.resolved.service-name";
  static final String SERVICE_VERSION = "lyss.logging.resolved.service-version";
  static final String ENVIRONMENT = "lyss.logging.resolved.environment";

  private LoggingIdentity() {}

  static Map<String, Object> properties(Environment environment) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(
        SERVICE_NAME,
        first(
            environment,
            "unknown-service",
            "lyss.service.name",
            ServiceIdentity.SPRING_APPLICATION_NAME,
            "LYSS_SERVICE_NAME"));
    values.put(
        SERVICE_VERSION,
        first(environment, "unknown", "lyss.service.version", "LYSS_SERVICE_VERSION"));
    // A blank environment makes the encoder omit the field.
    values.put(
        ENVIRONMENT, first(environment, " ", "lyss.service.environment", "LYSS_ENVIRONMENT"));
    return values;
  }

  private static String first(Environment environment, String fallback, String... names) {
    for (String name : names) {
      @Nullable String value = environment.getProperty(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return fallback;
  }
}
