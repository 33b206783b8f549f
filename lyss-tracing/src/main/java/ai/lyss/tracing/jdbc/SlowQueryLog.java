package ai.lyss.tracing.jdbc;

import ai.lyss.tracing.internal.JdbcInstrumentationSupport;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlDialect;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlQueryAnalyzer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a statement that took at least the threshold, once, after it finished: WARNING {@value
 * #MESSAGE} with {@value #DURATION_MS} (milliseconds, fractional), {@value #STATEMENT} (literals
 * masked by the same sanitiser as the span's {@code db.query.text}) and {@value #DATABASE}. The
 * request and trace context come from the logging backend (MDC and the current span). Never throws
 * into the statement's caller.
 */
final class SlowQueryLog implements QueryExecutionListener {

  /** Logger the lines are written to. */
  static final String LOGGER_NAME = "ai.lyss.tracing.jdbc.SlowQuery";

  /** The message, matched by the Kibana {@code slow_queries} query. */
  static final String MESSAGE = "slow query";

  /** Wall time of the statement in milliseconds (a number). */
  static final String DURATION_MS = "duration_ms";

  /** The statement with literals replaced by {@code ?}. */
  static final String STATEMENT = "statement";

  /** The database (connection catalog), {@code unknown} when the driver does not say. */
  static final String DATABASE = "database";

  /** Longest statement text written; a longer one is cut and marked. */
  static final int MAX_STATEMENT_CHARS = 2_000;

  private static final String START_NANOS = "lyss.startNanos";
  private static final SqlQueryAnalyzer SANITIZER = SqlQueryAnalyzer.create(true);

  private final long thresholdNanos;
  private final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

  SlowQueryLog(Duration threshold) {
    this.thresholdNanos = threshold.toNanos();
  }

  @Override
  public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    execInfo.addCustomValue(START_NANOS, System.nanoTime());
  }

  @Override
  public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    try {
      Long start = execInfo.getCustomValue(START_NANOS, Long.class);
      long elapsed =
          start != null
              ? System.nanoTime() - start
              : Duration.ofMillis(execInfo.getElapsedTime()).toNanos();
      if (elapsed < thresholdNanos || !logger.isWarnEnabled()) {
        return;
      }
      logger
          .atWarn()
          .setMessage(MESSAGE)
          .addKeyValue(DURATION_MS, Math.round(elapsed / 1_000.0) / 1_000.0)
          .addKeyValue(STATEMENT, statement(queryInfoList))
          .addKeyValue(DATABASE, database(execInfo.getStatement()))
          .log();
    } catch (RuntimeException | LinkageError e) {
      // A log line must never fail the statement that was already executed.
    }
  }

  static String statement(List<QueryInfo> queries) {
    StringBuilder text = new StringBuilder();
    for (QueryInfo query : queries) {
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(mask(query.getQuery()));
      if (text.length() > MAX_STATEMENT_CHARS) {
        return text.substring(0, MAX_STATEMENT_CHARS) + "...";
      }
    }
    return text.toString();
  }

  static String mask(@Nullable String sql) {
    if (sql == null) {
      return "";
    }
    if (JdbcInstrumentationSupport.unsupportedReason().isPresent()) {
      // OpenTelemetry's analyzer needs a newer OpenTelemetry API than this application has.
      return SqlLiterals.mask(sql);
    }
    // Double-quoted text is masked too: in MySQL it is a string literal.
    String masked =
        SANITIZER.analyze(sql, SqlDialect.DOUBLE_QUOTES_ARE_STRING_LITERALS).getQueryText();
    return masked == null ? "" : masked;
  }

  private static String database(@Nullable Statement statement) {
    if (statement == null) {
      return "unknown";
    }
    try {
      Connection connection = statement.getConnection();
      String catalog = connection == null ? null : connection.getCatalog();
      return catalog == null || catalog.isBlank() ? "unknown" : catalog;
    } catch (SQLException | RuntimeException e) {
      return "unknown";
    }
  }
}
