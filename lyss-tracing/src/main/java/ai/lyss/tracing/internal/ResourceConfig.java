package ai.lyss.tracing.internal;

import ai.lyss.tracing.TracingAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds the service resource: SDK defaults, then {@code OTEL_*} values, then the builder's. */
public final class ResourceConfig {

  private ResourceConfig() {}

  /**
   * The resource.
   *
   * @param serviceName explicit service name or {@code null}
   * @param serviceVersion explicit version or {@code null}
   * @param environment explicit deployment environment or {@code null}
   * @param extra explicit extra attributes
   * @param env the environment
   * @throws IllegalArgumentException when no service name is given anywhere
   */
  public static Resource resolve(
      @Nullable String serviceName,
      @Nullable String serviceVersion,
      @Nullable String environment,
      Map<String, String> extra,
      OtelEnvironment env) {
    AttributesBuilder attributes = io.opentelemetry.api.common.Attributes.builder();
    env.keyValues(OtelEnvironment.RESOURCE_ATTRIBUTES)
        .forEach((k, v) -> attributes.put(AttributeKey.stringKey(k), v));
    String envName = env.get(OtelEnvironment.SERVICE_NAME);
    if (envName != null) {
      attributes.put(TracingAttributes.SERVICE_NAME, envName);
    }
    extra.forEach((k, v) -> attributes.put(AttributeKey.stringKey(k), v));
    if (serviceName != null) {
      attributes.put(TracingAttributes.SERVICE_NAME, serviceName.strip());
    }
    if (serviceVersion != null) {
      attributes.put(TracingAttributes.SERVICE_VERSION, serviceVersion);
    }
    if (environment != null) {
      attributes.put(TracingAttributes.DEPLOYMENT_ENVIRONMENT_NAME, environment);
    }
    Resource resource = Resource.getDefault().merge(Resource.create(attributes.build()));
    String name = resource.getAttribute(TracingAttributes.SERVICE_NAME);
    // An explicit name is the caller's choice, even OpenTelemetry's unknown_service:java (the
    // Spring starter's last resort, announced with a warning); only the SDK default is refused.
    boolean explicit = serviceName != null && !serviceName.isBlank();
    if (name == null || name.isBlank() || (!explicit && name.startsWith("unknown_service"))) {
      throw new IllegalArgumentException(
          "serviceName is empty: call LyssTracing.builder().serviceName(\"my-service\") or set "
              + OtelEnvironment.SERVICE_NAME);
    }
    return resource;
  }
}
