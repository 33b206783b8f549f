package ai.lyss.logging.micrometer;

import ai.lyss.logging.internal.DroppedEvents;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes lyss-logging's self-metric: {@value #DROPPED_EVENTS} (Prometheus {@code
 * lyss_logging_events_dropped_total}) with label {@value #LEVEL_TAG}, the events that {@link
 * ai.lyss.logging.LyssAsyncAppender} dropped under back-pressure in this process. It is bound to
 * Micrometer's global registry automatically when an appender starts; bind it to your own registry
 * with {@code LoggingMetrics.create().bindTo(registry)}.
 */
public final class LoggingMetrics implements MeterBinder {

  /** Meter name (Micrometer form); Prometheus: {@code lyss_logging_events_dropped_total}. */
  public static final String DROPPED_EVENTS = "lyss.logging.events.dropped";

  /** The tag holding the schema level ({@code DEBUG}, {@code INFO}, {@code WARNING}, ...). */
  public static final String LEVEL_TAG = "level";

  private LoggingMetrics() {}

  /** A binder for the drop counter. */
  public static LoggingMetrics create() {
    return new LoggingMetrics();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String level : DroppedEvents.LEVELS) {
      FunctionCounter.builder(DROPPED_EVENTS, level, DroppedEvents::count)
          .description(
              "Log events dropped by the asynchronous appender because the output could not keep"
                  + " up (AUDIT and SECURITY events are never dropped)")
          .tag(LEVEL_TAG, level)
          .register(registry);
    }
  }
}
