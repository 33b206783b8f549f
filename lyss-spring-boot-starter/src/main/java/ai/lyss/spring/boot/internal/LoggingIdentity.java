package ai.lyss.spring.boot.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The service identity of the JSON log lines, as properties the starter's Logback configuration
 * reads with {@code springProperty}. Resolved here rather than bound, because logging starts before
 * any bean exists; {@link ServiceIdentity} resolves it the same way for the span resource.
 */
final class LoggingIdentity {

  static final String SERVICE_NAME = "lyss.logging.resolved.service-name";
  static final String SERVICE_VERSION = "lyss.logging.resolved.service-version";
  static final String ENVIRONMENT = "lyss.logging.resolved.environment";

  private LoggingIdentity() {}

  static Map<String, Object> properties(Environment environment, @Nullable ClassLoader loader) {
    ServiceIdentity identity = ServiceIdentity.resolve(environment, loader);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(SERVICE_NAME, identity.name());
    values.put(SERVICE_VERSION, identity.version() == null ? "unknown" : identity.version());
    // A blank environment makes the encoder omit the field.
    values.put(ENVIRONMENT, identity.environment() == null ? " " : identity.environment());
    return values;
  }
}
