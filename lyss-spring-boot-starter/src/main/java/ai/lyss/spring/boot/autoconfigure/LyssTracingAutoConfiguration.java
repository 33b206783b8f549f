package ai.lyss.spring.boot.autoconfigure;

import ai.lyss.core.http.HttpObserver;
import ai.lyss.spring.boot.LyssTracingBuilderCustomizer;
import ai.lyss.spring.boot.LyssTracingProperties;
import ai.lyss.spring.boot.internal.DataSourceTracingPostProcessor;
import ai.lyss.spring.boot.internal.HttpClientTracingPostProcessor;
import ai.lyss.spring.boot.internal.RestClientTracingInterceptor;
import ai.lyss.spring.boot.internal.ServiceIdentity;
import ai.lyss.spring.boot.internal.TracingBackOffCondition;
import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.LyssTracingBuilder;
import ai.lyss.tracing.PropagationFormat;
import ai.lyss.tracing.aspectj.TracedAspect;
import ai.lyss.tracing.micrometer.TracingMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires lyss-tracing: a {@link LyssTracing} from {@code lyss.tracing.*} and {@code OTEL_*} (closed
 * with the context), the server-span filter, {@code @Traced} through Spring AOP, and trace-context
 * propagation for {@code RestClient} and {@code java.net.http.HttpClient} beans, database spans and
 * the slow-query log for {@code DataSource} beans. Backs off, with an INFO line, when the
 * OpenTelemetry Java agent or another {@code OpenTelemetry} bean (Boot's own OpenTelemetry support,
 * the OpenTelemetry Spring starter) is present.
 */
@AutoConfiguration(
    after = LyssServiceAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
      "io.opentelemetry.instrumentation.spring.autoconfigure.OpenTelemetryAutoConfiguration"
    },
    // Boot 3.5's Actuator defines a bare OpenTelemetry SDK whenever the SDK is on the class path;
    // lyss-spring-boot3-starter hands it LyssTracing's instead, so it comes after this.
    beforeName =
        "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration")
@ConditionalOnClass(LyssTracing.class)
@ConditionalOnBooleanProperty(name = "lyss.tracing.enabled", matchIfMissing = true)
@Conditional(TracingBackOffCondition.class)
@EnableConfigurationProperties(LyssTracingProperties.class)
public final class LyssTracingAutoConfiguration {

  /** Created by Spring. */
  public LyssTracingAutoConfiguration() {}

  /**
   * The tracing, configured from the properties, then the {@code OTEL_*} settings, then the
   * customizers.
   *
   * @param properties {@code lyss.tracing.*}
   * @param identity the service name, version and environment
   * @param environment where {@code OTEL_*} are read
   * @param customizers the service's builder customizers
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public LyssTracing lyssTracing(
      LyssTracingProperties properties,
      ServiceIdentity identity,
      Environment environment,
      ObjectProvider<LyssTracingBuilderCustomizer> customizers) {
    LyssTracingBuilder builder =
        LyssTracing.builder()
            .envLookup(environment::getProperty)
            .registerGlobal(properties.isRegisterGlobal())
            .exportTimeout(properties.getExportTimeout())
            .closeTimeout(properties.getCloseTimeout());
    // Explicit, so the span resource names the service exactly as the log lines do (the
    // standard OTEL_SERVICE_NAME first, unknown_service:java last).
    builder.serviceName(identity.name());
    if (identity.version() != null) {
      builder.serviceVersion(identity.version());
    }
    if (identity.environment() != null) {
      builder.environment(identity.environment());
    }
    if (properties.getEndpoint() != null) {
      builder.endpoint(properties.getEndpoint());
    }
    if (properties.getProtocol() != null) {
      builder.protocol(properties.getProtocol());
    }
    if (properties.getSamplingRatio() != null) {
      builder.samplingRatio(properties.getSamplingRatio());
    }
    if (!properties.getPropagators().isEmpty()) {
      builder.propagators(properties.getPropagators().toArray(new PropagationFormat[0]));
    }
    if (properties.getOtlpExport() != null) {
      builder.otlpExport(properties.getOtlpExport());
    }
    customizers.orderedStream().forEach(c -> c.customize(builder));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Invalid tracing setting: "
              + e.getMessage()
              + " (set it with lyss.tracing.* or the OTEL_* variable it names)",
          e);
    }
  }

  /** The span pipeline's drop and export-failure counters, on the application's registries. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  static final class MicrometerConfiguration {

    @Bean
    TracingMetrics lyssTracingMetrics(LyssTracing tracing) {
      return new TracingMetrics(tracing);
    }
  }

  /** {@code @Traced} through Spring AOP, when AspectJ's annotations are on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.aspectj.lang.annotation.Aspect")
  static final class TracedConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TracedAspect lyssTracedAspect(LyssTracing tracing) {
      return new TracedAspect(tracing);
    }
  }

  /** The SERVER span of every request (the tracing part of the request pipeline). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.Filter")
  static final class ServletConfiguration {

    @Bean
    HttpObserver lyssTracingHttpObserver(LyssTracing tracing) {
      return tracing.httpObserver();
    }
  }

  /** Trace context on outgoing calls. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty(name = "lyss.tracing.client-propagation", matchIfMissing = true)
  static final class ClientConfiguration {

    @Bean
    static HttpClientTracingPostProcessor lyssHttpClientTracingPostProcessor(
        ObjectProvider<LyssTracing> tracing) {
      return new HttpClientTracingPostProcessor(tracing);
    }

    /** {@code RestClient.Builder} beans get the propagating interceptor. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.restclient.RestClientCustomizer")
    static final class RestClientConfiguration {

      @Bean
      RestClientCustomizer lyssRestClientTracingCustomizer(LyssTracing tracing) {
        RestClientTracingInterceptor interceptor = new RestClientTracingInterceptor(tracing);
        return builder -> builder.requestInterceptor(interceptor);
      }
    }
  }

  /** Database spans and the slow-query log: every {@code DataSource} bean wrapped once. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry")
  @ConditionalOnBooleanProperty(name = "lyss.tracing.jdbc.enabled", matchIfMissing = true)
  static final class JdbcConfiguration {

    // static: a post-processor is created before the configuration class's instance.
    @Bean
    static DataSourceTracingPostProcessor lyssDataSourceTracingPostProcessor(
        ObjectProvider<LyssTracing> tracing, ObjectProvider<LyssTracingProperties> properties) {
      return new DataSourceTracingPostProcessor(tracing, properties);
    }
  }
}
