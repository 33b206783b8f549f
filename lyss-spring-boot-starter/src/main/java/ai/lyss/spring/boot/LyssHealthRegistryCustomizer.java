package ai.lyss.spring.boot;

import ai.lyss.health.HealthRegistry;

/**
 * Adjusts the {@link HealthRegistry.Builder} after the {@code lyss.health.*} checks are registered,
 * for example to register a liveness check or a non-critical check with its own options. Declare
 * one or more as beans. (A plain {@code HealthCheck} bean is registered as a critical readiness
 * check named after the bean.)
 */
@FunctionalInterface
public interface LyssHealthRegistryCustomizer {

  /**
   * Customizes the builder.
   *
   * @param builder the registry builder
   */
  void customize(HealthRegistry.Builder builder);
}
