package ai.lyss.metrics.internal;

import io.micrometer.core.instrument.Clock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Creates the default registry, with OpenTelemetry trace-id exemplars when the OpenTelemetry API is
 * on the class path (an optional dependency: its classes are touched only after the check).
 */
public final class Exemplars {

  private static final String OTEL_SPAN = "io.opentelemetry.api.trace.Span";

  /**
   * Micrometer's default configuration turns on {@code exemplarsOnAllMetricTypes}, which puts
   * exemplars on histogram {@code _count} lines too. Prometheus servers before 2.43 (Debian 12
   * ships 2.42) reject the whole scrape when they meet one ("does not support exemplars"), so the
   * target shows as down. Exemplars stay on counters and histogram buckets, which every Prometheus
   * with exemplar support accepts.
   */
  static final PrometheusConfig CONFIG =
      new PrometheusConfig() {
        @Override
        public @Nullable String get(String key) {
          return null;
        }

        @Override
        public Properties prometheusProperties() {
          Properties properties = new Properties();
          properties.setProperty("io.prometheus.exporter.exemplarsOnAllMetricTypes", "false");
          return properties;
        }
      };

  private Exemplars() {}

  /** Whether the OpenTelemetry API is on the class path. */
  public static boolean openTelemetryPresent() {
    try {
      Class.forName(OTEL_SPAN, false, Exemplars.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * A new Prometheus registry.
   *
   * @param exemplars whether to sample exemplars from the current OpenTelemetry span when possible
   */
  public static PrometheusMeterRegistry newPrometheusRegistry(boolean exemplars) {
    if (exemplars && openTelemetryPresent()) {
      return new PrometheusMeterRegistry(
          CONFIG, new PrometheusRegistry(), Clock.SYSTEM, OtelSpanContext.INSTANCE);
    }
    return new PrometheusMeterRegistry(CONFIG);
  }
}
