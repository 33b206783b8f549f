package ai.lyss.tracing.jdbc;

import static java.util.Objects.requireNonNull;

import ai.lyss.tracing.LyssTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import javax.sql.DataSource;

/**
 * Wraps a {@link DataSource} so every statement runs in a CLIENT span (OpenTelemetry's JDBC library
 * instrumentation): the statement text is sanitised (literals replaced by {@code ?}) and parameter
 * values are never captured. The wrapper is a plain {@code DataSource}; connection pools keep
 * working underneath.
 *
 * <pre>{@code
 * DataSource traced = TracingDataSource.wrap(hikariDataSource, tracing);
 * }</pre>
 */
public final class TracingDataSource {

  private TracingDataSource() {}

  /**
   * Wraps a data source.
   *
   * @param dataSource the real data source
   * @param tracing where spans go
   */
  public static DataSource wrap(DataSource dataSource, LyssTracing tracing) {
    return wrap(dataSource, requireNonNull(tracing, "tracing").getOpenTelemetry());
  }

  /**
   * Wraps a data source.
   *
   * @param dataSource the real data source
   * @param openTelemetry where spans go
   */
  public static DataSource wrap(DataSource dataSource, OpenTelemetry openTelemetry) {
    requireNonNull(dataSource, "dataSource");
    requireNonNull(openTelemetry, "openTelemetry");
    return JdbcTelemetry.builder(openTelemetry)
        .setQuerySanitizationEnabled(true)
        .setCaptureQueryParameters(false)
        .setDataSourceInstrumenterEnabled(false)
        .build()
        .wrap(dataSource);
  }
}
