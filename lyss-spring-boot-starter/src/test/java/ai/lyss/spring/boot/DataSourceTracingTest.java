package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.spring.boot.autoconfigure.LyssServiceAutoConfiguration;
import ai.lyss.spring.boot.autoconfigure.LyssTracingAutoConfiguration;
import ai.lyss.spring.boot.internal.DataSourceTracingPostProcessor;
import ai.lyss.testing.SlowStatements;
import ai.lyss.tracing.jdbc.TracingDataSource;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every {@code DataSource} bean is wrapped once for database spans and the slow-query log ({@code
 * lyss.tracing.jdbc.*}). Public: H2 calls its {@code sleep} method.
 */
public class DataSourceTracingTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final JdbcDataSource h2 = new JdbcDataSource();
  private final Capture slowQueries = new Capture();
  private final Logger slowQueryLogger =
      (Logger) LoggerFactory.getLogger("ai.lyss.tracing.jdbc.SlowQuery");

  @BeforeEach
  void setUp() {
    h2.setURL("jdbc:h2:mem:starter_jdbc_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    slowQueries.start();
    slowQueryLogger.addAppender(slowQueries);
  }

  @AfterEach
  void tearDown() {
    slowQueryLogger.detachAppender(slowQueries);
  }

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                LyssServiceAutoConfiguration.class, LyssTracingAutoConfiguration.class))
        .withPropertyValues(
            "spring.application.name=jdbc-test",
            "lyss.tracing.otlp-export=false",
            "lyss.tracing.register-global=false")
        .withBean(
            LyssTracingBuilderCustomizer.class,
            () -> builder -> builder.addSpanProcessor(SimpleSpanProcessor.create(spans)))
        .withBean("dataSource", DataSource.class, () -> h2);
  }

  private static void query(DataSource dataSource, String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
    }
  }

  private long clientSpans() {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.CLIENT)
        .count();
  }

  @Test
  void aStatementOnADataSourceBeanIsOneClientSpan() {
    runner()
        .run(
            context -> {
              query(context.getBean(DataSource.class), "SELECT 1");

              assertThat(clientSpans()).isEqualTo(1);
            });
  }

  @Test
  void aStatementOverTheThresholdIsLoggedOnceAsSlowQuery() {
    runner()
        .withPropertyValues("lyss.tracing.jdbc.slow-query-threshold=50ms")
        .run(
            context -> {
              DataSource db = context.getBean(DataSource.class);
              try (Connection c = db.getConnection();
                  Statement s = c.createStatement()) {
                s.execute(SlowStatements.H2_ALIAS);
              }

              slowQueries.events.clear(); // the alias's first use may itself be slow

              query(db, "SELECT SLEEP_MS(80)");

              assertThat(slowQueries.events)
                  .extracting(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs())
                  .singleElement()
                  .asString()
                  .startsWith("slow query")
                  .contains("statement=\"SELECT SLEEP_MS(?)\"");
            });
  }

  @Test
  void aStatementUnderTheDefaultThresholdIsNotLogged() {
    runner()
        .run(
            context -> {
              query(context.getBean(DataSource.class), "SELECT 1");

              assertThat(slowQueries.events).isEmpty();
            });
  }

  @Test
  void postProcessingTheWrappedBeanAgainDoesNotWrapItTwice() {
    runner()
        .run(
            context -> {
              DataSource wrapped = context.getBean(DataSource.class);
              Object again =
                  context
                      .getBean(DataSourceTracingPostProcessor.class)
                      .postProcessAfterInitialization(wrapped, "dataSource");

              assertThat(again).isSameAs(wrapped);
              query((DataSource) again, "SELECT 1");
              assertThat(clientSpans()).isEqualTo(1);
            });
  }

  @Test
  void theWrapperStillUnwrapsToTheRealDataSource() {
    runner()
        .run(
            context ->
                assertThat(context.getBean(DataSource.class).unwrap(JdbcDataSource.class))
                    .isSameAs(h2));
  }

  @Test
  void jdbcEnabledFalseLeavesTheBeanUntouched() {
    runner()
        .withPropertyValues("lyss.tracing.jdbc.enabled=false")
        .run(
            context -> {
              assertThat(context.getBean(DataSource.class)).isSameAs(h2);
              assertThat(context).doesNotHaveBean(DataSourceTracingPostProcessor.class);
            });
  }

  @Test
  void aThresholdThatIsNotPositiveStopsTheStartNamingTheProperty() {
    runner()
        .withPropertyValues("lyss.tracing.jdbc.slow-query-threshold=0s")
        .run(
            context ->
                assertThat(Runners.messages(context.getStartupFailure()))
                    .contains("lyss.tracing.jdbc.slow-query-threshold must be positive"));
  }

  @Test
  void theDefaultThresholdIsTheLibraryDefault() {
    assertThat(new LyssTracingProperties().getJdbc().getSlowQueryThreshold())
        .isEqualTo(TracingDataSource.DEFAULT_SLOW_QUERY_THRESHOLD);
  }

  /** Keeps the slow-query events. */
  private static final class Capture extends AppenderBase<ILoggingEvent> {
    final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      events.add(event);
    }
  }
}
