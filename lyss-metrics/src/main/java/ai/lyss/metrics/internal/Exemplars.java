package ai.lyss.metrics.internal;

import io.micrometer.core.instrument.Clock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Creates the default registry, with OpenTelemetry trace-id exemplars when the OpenTelemetry API is
 * on the class path (an optional dependency: its classes are touched only after the check).
 */
public final class Exemplars {

  private static final String OTEL_SPAN = "io.opentelemetry.api.trace.Span";

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
          PrometheusConfig.DEFAULT,
          new PrometheusRegistry(),
          Clock.SYSTEM,
          OtelSpanContext.INSTANCE);
    }
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }
}
