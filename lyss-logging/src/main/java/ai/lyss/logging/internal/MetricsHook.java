package ai.lyss.logging.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Registers the drop counter with Micrometer's global registry when Micrometer is on the classpath,
 * without loading any Micrometer class otherwise.
 */
public final class MetricsHook {

  private static final AtomicBoolean BOUND = new AtomicBoolean();

  private MetricsHook() {}

  /** Binds {@code ai.lyss.logging.micrometer.LoggingMetrics} to the global registry, once. */
  public static void bindGlobalRegistryOnce() {
    if (!BOUND.compareAndSet(false, true)) {
      return;
    }
    try {
      Class.forName(
          "io.micrometer.core.instrument.Metrics", false, MetricsHook.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return;
    }
    try {
      GlobalRegistryBinding.bind();
    } catch (RuntimeException | LinkageError e) {
      // Metrics are an extra; logging works without them.
    }
  }
}
