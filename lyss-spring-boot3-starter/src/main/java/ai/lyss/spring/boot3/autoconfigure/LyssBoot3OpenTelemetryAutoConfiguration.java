package ai.lyss.spring.boot3.autoconfigure;

import ai.lyss.spring.boot.autoconfigure.LyssTracingAutoConfiguration;
import ai.lyss.tracing.LyssTracing;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * LyssTracing's OpenTelemetry as the application's {@link OpenTelemetry} bean. Boot 3.5's Actuator
 * otherwise defines a second, bare SDK (no exporter) whenever the SDK is on the class path, which
 * the Lyss starter puts there; with this bean Boot's backs off, and anything that takes an {@code
 * OpenTelemetry} bean gets the Lyss one.
 */
@AutoConfiguration(
    after = LyssTracingAutoConfiguration.class,
    beforeName =
        "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration")
@ConditionalOnClass(name = "ai.lyss.tracing.LyssTracing")
@ConditionalOnBean(LyssTracing.class)
public final class LyssBoot3OpenTelemetryAutoConfiguration {

  /** Created by Spring. */
  public LyssBoot3OpenTelemetryAutoConfiguration() {}

  /**
   * The Lyss OpenTelemetry instance (closed with {@link LyssTracing}, not here).
   *
   * @param tracing the running tracing
   * @return its OpenTelemetry
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public OpenTelemetry lyssOpenTelemetry(LyssTracing tracing) {
    return tracing.getOpenTelemetry();
  }
}
