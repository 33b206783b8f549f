package ai.lyss.health.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.testing.HangingServer;
import ai.lyss.testing.Net;
import org.junit.jupiter.api.Test;

class TcpHealthCheckTest {

  @Test
  void isHealthyWhenAConnectionOpens() throws Exception {
    try (HangingServer server = new HangingServer()) {
      assertThat(TcpHealthCheck.of("127.0.0.1", server.port()).check().isHealthy()).isTrue();
    }
  }

  @Test
  void isUnhealthyWhenThePortIsClosed() {
    HealthCheckResult r = TcpHealthCheck.of("127.0.0.1", Net.closedPort()).check();

    assertThat(r.error()).startsWith("ConnectException: Connection refused");
  }

  @Test
  void isUnhealthyForAnUnknownHost() {
    HealthCheckResult r = TcpHealthCheck.of("no-such-host.invalid", 80).check();

    assertThat(r.error()).startsWith("UnknownHostException");
  }

  @Test
  void rejectsAnInvalidPortAtStartUp() {
    assertThatThrownBy(() -> TcpHealthCheck.of("db", 0)).hasMessageContaining("port must be");
  }
}
