package ai.lyss.tracing.internal;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Silences OpenTelemetry's per-batch report of a failed span export: an ERROR with a stack trace
 * for every batch while the collector is down. lyss-tracing reports the same outage itself, once
 * when it starts and once when it ends ({@link CountingSpanExporter}), and counts every failed
 * span.
 *
 * <p>Narrow on purpose: a {@link Filter} on the OTLP exporters' own {@code java.util.logging}
 * loggers only (the names of OpenTelemetry 1.4x-1.5x and of 1.6x), dropping only records whose
 * message starts with {@code "Failed to export spans."} (up to 1.5x) or {@code "Failed to export
 * <n> spans."} (1.6x), and OpenTelemetry's notice that it throttles those records. Metric and log
 * exporters sharing those loggers keep reporting; every other OpenTelemetry message passes; a
 * filter already set on those loggers keeps deciding for everything else.
 */
public final class OtelExportLogFilter implements Filter {

  /** The loggers of OpenTelemetry's OTLP exporters, by version. */
  static final List<String> LOGGER_NAMES =
      List.of(
          "io.opentelemetry.exporter.otlp.internal.HttpExporter",
          "io.opentelemetry.exporter.otlp.internal.GrpcExporter",
          "io.opentelemetry.exporter.internal.http.HttpExporter",
          "io.opentelemetry.exporter.internal.grpc.GrpcExporter");

  private static final Pattern SPAN_FAILURE = Pattern.compile("Failed to export (\\d+ )?spans\\.");
  private static final String THROTTLE_NOTICE = "Too many log messages detected";

  // Strong references: java.util.logging forgets a logger's filter when the logger is collected.
  private static final List<Logger> LOGGERS =
      LOGGER_NAMES.stream().map(Logger::getLogger).collect(java.util.stream.Collectors.toList());

  private final @Nullable Filter previous;

  private OtelExportLogFilter(@Nullable Filter previous) {
    this.previous = previous;
  }

  /** Installs the filter on the exporters' loggers; idempotent. */
  public static synchronized void install() {
    for (Logger logger : LOGGERS) {
      Filter current = logger.getFilter();
      if (!(current instanceof OtelExportLogFilter)) {
        logger.setFilter(new OtelExportLogFilter(current));
      }
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    String message = record.getMessage();
    if (message != null
        && (SPAN_FAILURE.matcher(message).lookingAt() || message.startsWith(THROTTLE_NOTICE))) {
      return false;
    }
    return previous == null || previous.isLoggable(record);
  }
}
