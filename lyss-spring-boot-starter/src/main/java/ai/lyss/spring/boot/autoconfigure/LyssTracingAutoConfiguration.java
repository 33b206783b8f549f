package ai.lyss.spring.boot.autoconfigure;

import ai.lyss.core.http.HttpObserver;
import ai.lyss.spring.boot.LyssServiceProperties;
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
@EnableConfigurationProperties({LyssTracingProperties.class, LyssServiceProperties.class})
public final class LyssTracingAutoConfiguration {

  /** Created by Spring. */
  public LyssTracingAutoConfiguration() {}

  /**
   * The tracing, configured from the properties, then the {@code OTEL_*} settings, then the
   * customizers.
   *
   * @param properties {@code lyss.tracing.*}
   * @param service {@code lyss.service.*}
   * @param environment where {@code OTEL_*} and {@code spring.application.name} are read
   * @param customizers the service's builder customizers
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public LyssTracing lyssTracing(
      LyssTracingProperties properties,
      LyssServiceProperties service,
      Environment environment,
      ObjectProvider<LyssTracingBuilderCustomizer> customizers) {
    LyssTracingBuilder builder =
        LyssTracing.builder()
            .envLookup(environment::getProperty)
            .registerGlobal(properties.isRegisterGlobal())
            .exportTimeout(properties.getExportTimeout())
            .closeTimeout(properties.getCloseTimeout());
    ServiceIdentity identity = ServiceIdentity.of(service, environment);
    if (environment.getProperty("OTEL_SERVICE_NAME") == null) {
      if (identity.name() == null) {
        throw new IllegalStateException(
            "lyss-tracing needs a service name for the service.name span resource: set"
                + " spring.application.name or lyss.service.name (or OTEL_SERVICE_NAME), or turn"
                + " tracing off with lyss.tracing.enabled=false");
      }
      builder.serviceName(identity.name());
    }
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
