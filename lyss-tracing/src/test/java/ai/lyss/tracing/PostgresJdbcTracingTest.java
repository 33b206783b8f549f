package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.PostgresServer;
import ai.lyss.tracing.jdbc.TracingDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** JDBC spans against a real PostgreSQL server; skipped when PostgreSQL is not installed. */
class PostgresJdbcTracingTest {

  private static final String PASSWORD = "tracing-Secret-7";

  private static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresServer.start("postgres", PASSWORD);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void preparedStatementGivesASanitisedClientSpanWithoutParameters() throws Exception {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (LyssTracing tracing = TestTracing.start(spans)) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(postgres.jdbcUrl());
      pg.setUser(postgres.user());
      pg.setPassword(postgres.password());
      try (Connection c = TracingDataSource.wrap(pg, tracing).getConnection();
          PreparedStatement ps =
              c.prepareStatement("SELECT 'secret-literal' AS k, ?::int + 1 AS v")) {
        ps.setInt(1, 987_654); // six digits: never part of a port number in the attributes
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt("v")).isEqualTo(987_655);
        }
      }
      List<SpanData> client =
          spans.getFinishedSpanItems().stream()
              .filter(s -> s.getKind() == SpanKind.CLIENT)
              .toList();
      assertThat(client).hasSize(1);
      var attributes = client.get(0).getAttributes();
      assertThat(attributes.get(AttributeKey.stringKey("db.system"))).isEqualTo("postgresql");
      assertThat(attributes.get(AttributeKey.stringKey("db.statement")))
          .isEqualTo("SELECT ? AS k, ?::int + ? AS v");
      assertThat(attributes.asMap().values().toString())
          .doesNotContain("secret-literal")
          .doesNotContain("987654");
    }
  }
}
