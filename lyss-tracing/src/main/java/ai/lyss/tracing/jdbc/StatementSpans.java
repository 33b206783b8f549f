package ai.lyss.tracing.jdbc;

import ai.lyss.tracing.LyssTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.jspecify.annotations.Nullable;

/**
 * CLIENT spans for statements, made by Lyss itself (a datasource-proxy listener) where
 * OpenTelemetry's JDBC instrumentation cannot run: on the older OpenTelemetry API that Spring Boot
 * manages (its SQL analyzer cannot run there either). Span name: the statement's first word;
 * attributes {@code db.system}, {@code db.statement} (literals masked, no parameter values) and
 * {@code db.name}; a failed statement marks the span as an error. The span is current while the
 * statement runs, so the slow-query line beneath it carries its ids. Never throws into the
 * statement.
 */
final class StatementSpans implements QueryExecutionListener {

  private static final String OPEN = "lyss.statementSpan";

  private final Tracer tracer;

  StatementSpans(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(LyssTracing.INSTRUMENTATION_NAME);
  }

  @Override
  public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    try {
      String statement = SlowQueryLog.statement(queryInfoList);
      SpanBuilder builder =
          tracer
              .spanBuilder(keyword(statement))
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute("db.statement", statement);
      describeDatabase(execInfo.getStatement(), builder);
      Span span = builder.startSpan();
      execInfo.addCustomValue(OPEN, new Open(span, span.makeCurrent()));
    } catch (RuntimeException | LinkageError e) {
      // No span rather than a failed statement.
    }
  }

  @Override
  public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    Open open = execInfo.getCustomValue(OPEN, Open.class);
    if (open == null) {
      return;
    }
    try {
      if (!execInfo.isSuccess()) {
        open.span.setStatus(StatusCode.ERROR);
        Throwable failure = execInfo.getThrowable();
        if (failure != null) {
          open.span.recordException(failure);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // The span still ends.
    } finally {
      open.scope.close();
      open.span.end();
    }
  }

  private static void describeDatabase(@Nullable Statement statement, SpanBuilder builder) {
    if (statement == null) {
      return;
    }
    try {
      Connection connection = statement.getConnection();
      if (connection == null) {
        return;
      }
      DatabaseMetaData meta = connection.getMetaData();
      String system = system(meta == null ? null : meta.getURL());
      if (system != null) {
        builder.setAttribute("db.system", system);
      }
      String catalog = connection.getCatalog();
      if (catalog != null && !catalog.isBlank()) {
        builder.setAttribute("db.name", catalog);
      }
    } catch (SQLException | RuntimeException e) {
      // The span keeps what it has.
    }
  }

  /** The statement's first word ({@code SELECT}): the span name. */
  static String keyword(String statement) {
    String trimmed = statement.strip();
    int end = 0;
    while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
      end++;
    }
    return end == 0 ? "JDBC" : trimmed.substring(0, end).toUpperCase(Locale.ROOT);
  }

  /**
   * The database system from a JDBC URL: {@code jdbc:postgresql://...} gives {@code postgresql}.
   */
  static @Nullable String system(@Nullable String url) {
    if (url == null || !url.startsWith("jdbc:")) {
      return null;
    }
    int end = url.indexOf(':', 5);
    return end <= 5 ? null : url.substring(5, end).toLowerCase(Locale.ROOT);
  }

  private record Open(Span span, Scope scope) {}
}
