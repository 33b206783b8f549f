package ai.lyss.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.testing.HangingServer;
import ai.lyss.testing.Net;
import ai.lyss.testing.PostgresServer;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Against a real PostgreSQL server with SCRAM password authentication. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JdbcHealthCheckTest {

  private static final String PASSWORD = "pg-Secret-4711";

  private static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresServer.start("lyss", PASSWORD);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static JdbcHealthCheck.Builder url(String jdbcUrl, String password) {
    return JdbcHealthCheck.builder(jdbcUrl).user("lyss").password(password);
  }

  private static void assertNoSecret(HealthCheckResult r, String jdbcUrl) {
    assertThat(r.error()).doesNotContain(PASSWORD).doesNotContain(jdbcUrl).doesNotContain("jdbc:");
  }

  @Test
  @Order(1)
  void isHealthyWhenPostgresIsUpUsingIsValid() {
    HealthCheckResult r = url(postgres.jdbcUrl(), PASSWORD).build().check();

    assertThat(r.isHealthy()).as("%s", r).isTrue();
  }

  @Test
  @Order(2)
  void isHealthyWithAValidationQuery() {
    HealthCheckResult r =
        url(postgres.jdbcUrl(), PASSWORD).validationQuery("SELECT 1").build().check();

    assertThat(r.isHealthy()).as("%s", r).isTrue();
  }

  @Test
  @Order(3)
  void aFailingValidationQueryIsUnhealthy() {
    HealthCheckResult r =
        url(postgres.jdbcUrl(), PASSWORD).validationQuery("SELECT * FROM missing").build().check();

    assertThat(r.error()).startsWith("PSQLException: ERROR: relation \"missing\" does not exist");
  }

  @Test
  @Order(4)
  void aWrongPasswordIsUnhealthyWithACleanError() {
    String wrong = "wrong-Password-123";
    HealthCheckResult r = url(postgres.jdbcUrl(), wrong).build().check();

    assertThat(r.isHealthy()).isFalse();
    assertThat(r.error()).contains("password authentication failed").doesNotContain(wrong);
    assertNoSecret(r, postgres.jdbcUrl());
  }

  @Test
  @Order(5)
  void aClosedPortIsUnhealthyWithACleanError() {
    String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + Net.closedPort() + "/postgres";
    HealthCheckResult r = url(jdbcUrl, PASSWORD).build().check();

    assertThat(r.error()).startsWith("PSQLException: Connection to 127.0.0.1:").contains("refused");
    assertNoSecret(r, jdbcUrl);
  }

  @Test
  @Order(6)
  void aServerThatNeverAnswersTimesOutWithinTheCheckTimeout() throws Exception {
    try (HangingServer hanging = new HangingServer()) {
      String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + hanging.port() + "/postgres";
      // The server never answers the start-up packet: without the socketTimeout/loginTimeout the
      // check adds, the driver would wait forever; returning at all is the bound.
      HealthCheckResult r = url(jdbcUrl, PASSWORD).timeout(Duration.ofSeconds(1)).build().check();

      assertThat(r.isHealthy()).isFalse();
      assertNoSecret(r, jdbcUrl);
    }
  }

  @Test
  @Order(7)
  void postgresUrlsGetConnectSocketAndLoginTimeouts() {
    JdbcHealthCheck check =
        url("jdbc:postgresql://db/x?socketTimeout=9", PASSWORD)
            .timeout(Duration.ofMillis(2500))
            .build();

    assertThat(check.properties())
        .containsEntry("connectTimeout", "3")
        .containsEntry("loginTimeout", "3")
        .doesNotContainKey("socketTimeout");
  }

  @Test
  @Order(8)
  void aUrlWithoutADriverIsUnhealthyWithoutEchoingTheUrl() {
    String jdbcUrl = "jdbc:nosuchdb://admin:hunter2hunter2@db.internal:1/x";
    HealthCheckResult r = JdbcHealthCheck.builder(jdbcUrl).build().check();

    assertThat(r.error()).isEqualTo("SQLException: No suitable driver found for ***");
  }

  @Test
  @Order(9)
  void worksOnADataSource() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:health;DB_CLOSE_DELAY=-1");

    assertThat(JdbcHealthCheck.of(h2).check().isHealthy()).isTrue();
  }

  @Test
  @Order(100)
  void isUnhealthyOnceTheServerIsStopped() throws Exception {
    JdbcHealthCheck check = url(postgres.jdbcUrl(), PASSWORD).build();
    assertThat(check.check().isHealthy()).isTrue();

    postgres.stop();
    HealthCheckResult r = check.check();

    assertThat(r.isHealthy()).isFalse();
    assertThat(r.error()).contains("refused");
    assertNoSecret(r, postgres.jdbcUrl());
  }
}
