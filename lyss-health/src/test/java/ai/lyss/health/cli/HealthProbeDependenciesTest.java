package ai.lyss.health.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.testing.HangingServer;
import ai.lyss.testing.Net;
import ai.lyss.testing.PostgresServer;
import ai.lyss.testing.RedisServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI against real PostgreSQL and Redis: the dependency checks the original health_check.py
 * listed but never ran.
 */
class HealthProbeDependenciesTest {

  private static final String PG_PASSWORD = "cli-Pg-Secret-31337";
  private static final String REDIS_PASSWORD = "cli-Redis-Secret-27";
  private static final String ACL_PASSWORD = "cli-Acl-Secret-99";

  private static PostgresServer postgres;
  private static RedisServer redis;

  @BeforeAll
  static void start() throws Exception {
    postgres = PostgresServer.start("lyss", PG_PASSWORD);
    redis = RedisServer.start(REDIS_PASSWORD, "probe", ACL_PASSWORD);
  }

  @AfterAll
  static void stop() throws Exception {
    if (redis != null) {
      redis.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static String pg(String userInfo) {
    return "postgresql://" + userInfo + "127.0.0.1:" + postgres.port() + "/postgres";
  }

  private static String redisUrl(String userInfo) {
    return "redis://" + userInfo + "127.0.0.1:" + redis.port();
  }

  @Test
  void postgresAndRedisWithPasswordsFromTheEnvironmentExit0() {
    ProbeRun run =
        ProbeRun.run(
            Map.of("PGPASS", PG_PASSWORD, "REDIS_PASS", REDIS_PASSWORD),
            "--password-env",
            "postgres=PGPASS",
            pg("lyss@"),
            redisUrl(":${REDIS_PASS}@"));

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.status("postgres")).isEqualTo("healthy");
    assertThat(run.status("redis")).isEqualTo("healthy");
  }

  @Test
  void aRedisAclUserWorks() {
    ProbeRun run =
        ProbeRun.run(
            Map.of("ACL", ACL_PASSWORD), "--password-env", "redis=ACL", redisUrl("probe@"));

    assertThat(run.exitCode()).as(run.out()).isZero();
  }

  @Test
  void aWrongPostgresPasswordExits1() {
    ProbeRun run = ProbeRun.run(pg("lyss:wrong-Pg-Pass-1@"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.error("postgres")).contains("password authentication failed");
  }

  @Test
  void aWrongRedisPasswordExits1() {
    ProbeRun run = ProbeRun.run(redisUrl(":wrong-Redis-Pass-1@"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.error("redis")).isEqualTo("redis authentication failed (WRONGPASS)");
  }

  @Test
  void noSecretAppearsInTheOutputOfAnyFailureMode() throws Exception {
    String wrongPg = "wrong-Pg-Secret-777";
    String wrongRedis = "wrong-Redis-Secret-777";
    String httpSecret = "http-Secret-777";
    int closed = Net.closedPort();
    try (HangingServer hanging = new HangingServer()) {
      ProbeRun run =
          ProbeRun.run(
              Map.of("PG", wrongPg),
              "--timeout",
              "1s",
              "pg-wrong-password=" + pg("lyss:" + wrongPg + "@"),
              "pg-env-wrong=" + pg("lyss:${PG}@"),
              "pg-closed=postgresql://lyss:" + PG_PASSWORD + "@127.0.0.1:" + closed + "/postgres",
              "pg-hanging=postgresql://lyss:" + PG_PASSWORD + "@127.0.0.1:" + hanging.port() + "/x",
              "redis-wrong=" + redisUrl("probe:" + wrongRedis + "@"),
              "redis-closed=redis://:" + REDIS_PASSWORD + "@127.0.0.1:" + closed,
              "redis-hanging=redis://:" + REDIS_PASSWORD + "@127.0.0.1:" + hanging.port(),
              "http-closed=http://admin:" + httpSecret + "@127.0.0.1:" + closed + "/health",
              "http-hanging=http://admin:" + httpSecret + "@127.0.0.1:" + hanging.port() + "/h");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.json().get("services")).hasSize(9);
      assertThat(run.json().get("services").findValuesAsString("status")).containsOnly("unhealthy");
      for (String secret :
          List.of(wrongPg, wrongRedis, httpSecret, PG_PASSWORD, REDIS_PASSWORD, "jdbc:", "@127")) {
        assertThat(run.out()).doesNotContain(secret);
        assertThat(run.err()).doesNotContain(secret);
      }
    }
  }
}
