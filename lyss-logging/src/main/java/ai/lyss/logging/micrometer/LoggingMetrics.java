package ai.lyss.logging.micrometer;

import ai.lyss.logging.internal.DroppedEvents;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes lyss-logging's self-metrics: {@value #DROPPED_EVENTS} (Prometheus {@code
 * lyss_logging_events_dropped_total}) with label {@value #LEVEL_TAG}, the events that {@link
 * ai.lyss.logging.LyssAsyncAppender} lost under back-pressure in this process, and the AUDIT and
 * SECURITY events it coalesced ({@value #COALESCED_EVENTS}) or spilled to a file ({@value
 * #SPILLED_EVENTS}) instead. It is bound to Micrometer's global registry automatically when an
 * appender starts; bind it to your own registry with {@code
 * LoggingMetrics.create().bindTo(registry)}.
 */
public final class LoggingMetrics implements MeterBinder {

  /** Meter name (Micrometer form); Prometheus: {@code lyss_logging_events_dropped_total}. */
  public static final String DROPPED_EVENTS = "lyss.logging.events.dropped";

  /** Meter name; Prometheus: {@code lyss_logging_audit_events_coalesced_total}. */
  public static final String COALESCED_EVENTS = "lyss.logging.audit.events.coalesced";

  /** Meter name; Prometheus: {@code lyss_logging_audit_events_spilled_total}. */
  public static final String SPILLED_EVENTS = "lyss.logging.audit.events.spilled";

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
              "Log events lost by the asynchronous appender because the output could not keep"
                  + " up (AUDIT and SECURITY only once held events and the spill file are full)")
          .tag(LEVEL_TAG, level)
          .register(registry);
    }
    FunctionCounter.builder(
            COALESCED_EVENTS, DroppedEvents.class, c -> DroppedEvents.coalescedCount())
        .description(
            "AUDIT/SECURITY events folded into an identical held event (written once with count)"
                + " while the log output was blocked")
        .register(registry);
    FunctionCounter.builder(SPILLED_EVENTS, DroppedEvents.class, c -> DroppedEvents.spilledCount())
        .description(
            "AUDIT/SECURITY events written to the local spill file while the log output was"
                + " blocked, replayed in order when it drains")
        .register(registry);
  }
}
