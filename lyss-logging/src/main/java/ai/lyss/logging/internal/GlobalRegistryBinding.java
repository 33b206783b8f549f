package ai.lyss.logging.internal;

import ai.lyss.logging.micrometer.LoggingMetrics;
import io.micrometer.core.instrument.Metrics;

/** Loaded only when Micrometer is present. */
final class GlobalRegistryBinding {

  private GlobalRegistryBinding() {}

  static void bind() {
    LoggingMetrics.create().bindTo(Metrics.globalRegistry);
  }
}
