package ai.lyss.tracing.jdbc;

import static java.util.Objects.requireNonNull;

import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.internal.JdbcInstrumentationSupport;
import ai.lyss.tracing.internal.TracingLog;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Wraps a {@link DataSource} so every statement runs in a CLIENT span (OpenTelemetry's JDBC library
 * instrumentation) and a statement slower than a threshold (default 1 s) is logged once at WARNING
 * as {@code "slow query"} with {@code duration_ms}, the masked {@code statement} and the {@code
 * database}. Statement text is sanitised (literals replaced by {@code ?}) in spans and logs alike,
 * and parameter values are never captured. The wrapper is a plain {@code DataSource}; connection
 * pools keep working underneath.
 *
 * <pre>{@code
 * DataSource db = TracingDataSource.wrap(hikariDataSource, tracing);
 * DataSource tuned = TracingDataSource.builder(tracing.getOpenTelemetry())
 *     .slowQueryThreshold(Duration.ofMillis(500))
 *     .build()
 *     .wrap(hikariDataSource);
 * }</pre>
 *
 * <p>The slow-query line is written through SLF4J (logger {@code ai.lyss.tracing.jdbc.SlowQuery})
 * with its fields as SLF4J key/value pairs, which lyss-logging's encoder writes as top-level JSON
 * fields next to the request and trace context. Without SLF4J on the class path there is no
 * slow-query log; spans are unaffected.
 *
 * <p>On an OpenTelemetry API older than the JDBC instrumentation needs (the 1.49 and 1.55 Spring
 * Boot 3.5 and 4.0 manage), the wrapper has the slow-query log only, and one INFO line says why and
 * how to get database spans.
 */
public final class TracingDataSource {

  private static final TracingLog LOG = TracingLog.of(TracingDataSource.class);
  private static final AtomicBoolean EXPLAINED = new AtomicBoolean();

  /** The default slow-query threshold. */
  public static final Duration DEFAULT_SLOW_QUERY_THRESHOLD = Duration.ofSeconds(1);

  private final OpenTelemetry openTelemetry;
  private final Duration slowQueryThreshold;
  private final boolean slowQueryLog;

  private TracingDataSource(Builder builder) {
    this.openTelemetry = builder.openTelemetry;
    this.slowQueryThreshold = builder.slowQueryThreshold;
    this.slowQueryLog = builder.slowQueryLog;
  }

  /**
   * Wraps a data source with the default settings.
   *
   * @param dataSource the real data source
   * @param tracing where spans go
   */
  public static DataSource wrap(DataSource dataSource, LyssTracing tracing) {
    return wrap(dataSource, requireNonNull(tracing, "tracing").getOpenTelemetry());
  }

  /**
   * Wraps a data source with the default settings.
   *
   * @param dataSource the real data source
   * @param openTelemetry where spans go
   */
  public static DataSource wrap(DataSource dataSource, OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build().wrap(dataSource);
  }

  /**
   * Starts a configuration.
   *
   * @param openTelemetry where spans go
   */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  /**
   * Wraps a data source.
   *
   * @param dataSource the real data source
   */
  public DataSource wrap(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource");
    DataSource timed = dataSource;
    if (slowQueryLog && slf4jPresent()) {
      // The timing layer sits under the span layer, so the span is current while it logs and
      // the line carries the database span's trace_id and span_id.
      timed =
          ProxyDataSourceBuilder.create(dataSource)
              .listener(new SlowQueryLog(slowQueryThreshold))
              .build();
    }
    Optional<String> unsupported = JdbcInstrumentationSupport.unsupportedReason();
    if (unsupported.isPresent()) {
      explainOnce(unsupported.get());
      return withStatementSpans(timed);
    }
    try {
      return JdbcTelemetry.builder(openTelemetry)
          .setQuerySanitizationEnabled(true)
          .setCaptureQueryParameters(false)
          .setDataSourceInstrumenterEnabled(false)
          .build()
          .wrap(timed);
    } catch (LinkageError olderOpenTelemetry) {
      explainOnce(
          "database spans come from Lyss's own statement spans: OpenTelemetry's JDBC"
              + " instrumentation does not run on this application's OpenTelemetry API ("
              + olderOpenTelemetry
              + ")");
      return withStatementSpans(timed);
    }
  }

  /**
   * The statement spans of Lyss itself, for an OpenTelemetry API the instrumentation does not run
   * on; outside the timing layer, like the instrumentation.
   */
  DataSource withStatementSpans(DataSource timed) {
    return ProxyDataSourceBuilder.create(timed).listener(new StatementSpans(openTelemetry)).build();
  }

  private static void explainOnce(String message) {
    if (EXPLAINED.compareAndSet(false, true)) {
      LOG.info(message);
    }
  }

  /** Whether SLF4J, an optional dependency of lyss-tracing, is on the class path. */
  private static boolean slf4jPresent() {
    try {
      Class.forName("org.slf4j.LoggerFactory", false, TracingDataSource.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The slow-query threshold in force. */
  public Duration slowQueryThreshold() {
    return slowQueryThreshold;
  }

  /** Settings of a {@link TracingDataSource}. */
  public static final class Builder {

    private final OpenTelemetry openTelemetry;
    private Duration slowQueryThreshold = DEFAULT_SLOW_QUERY_THRESHOLD;
    private boolean slowQueryLog = true;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * Statements that take at least this long are logged as {@code "slow query"}. Default 1 s.
     *
     * @param threshold a positive duration
     * @throws IllegalArgumentException when the threshold is zero or negative
     */
    public Builder slowQueryThreshold(Duration threshold) {
      requireNonNull(threshold, "threshold");
      if (threshold.isZero() || threshold.isNegative()) {
        throw new IllegalArgumentException(
            "slowQueryThreshold must be positive, was "
                + threshold
                + ": pass e.g. Duration.ofSeconds(1), or slowQueryLog(false) to turn the log off");
      }
      this.slowQueryThreshold = threshold;
      return this;
    }

    /**
     * Turns the slow-query log on (the default) or off; spans are written either way.
     *
     * @param enabled whether slow statements are logged
     */
    public Builder slowQueryLog(boolean enabled) {
      this.slowQueryLog = enabled;
      return this;
    }

    /** Builds the immutable configuration. */
    public TracingDataSource build() {
      return new TracingDataSource(this);
    }
  }
}
