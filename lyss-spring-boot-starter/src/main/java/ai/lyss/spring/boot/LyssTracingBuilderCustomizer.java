package ai.lyss.spring.boot;

import ai.lyss.tracing.LyssTracingBuilder;

/**
 * Adjusts the {@link LyssTracingBuilder} after the {@code lyss.tracing.*} properties are applied,
 * for example to add a span exporter or processor. Declare one or more as beans.
 */
@FunctionalInterface
public interface LyssTracingBuilderCustomizer {

  /**
   * Customizes the builder.
   *
   * @param builder the builder, already configured from the properties
   */
  void customize(LyssTracingBuilder builder);
}
