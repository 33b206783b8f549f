package ai.lyss.demo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

  private final LogEvents log = new LogEvents(ApiKeys.class);

  @AfterEach
  void tearDown() {
    log.close();
  }

  @Test
  void revokedBearerKeyIsRefusedWith401() {
    assertThatThrownBy(() -> ApiKeys.refuseRevoked("Bearer revoked-abc123"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void revokedBearerKeyWritesOneHighSeveritySecurityEventWithoutTheKey() {
    assertThatThrownBy(() -> ApiKeys.refuseRevoked("bearer  revoked-abc123"))
        .isInstanceOf(ApiException.class);

    assertThat(log.events).hasSize(1);
    ILoggingEvent event = log.events.get(0);
    assertThat(LogEvents.fields(event))
        .containsEntry("event_type", "api_key.revoked")
        .containsEntry("severity", "high");
    assertThat(event.getFormattedMessage() + LogEvents.fields(event)).doesNotContain("abc123");
  }

  @Test
  void otherKeysAndMissingHeadersPassSilently() {
    ApiKeys.refuseRevoked(null);
    ApiKeys.refuseRevoked("Bearer sk-live-123");
    ApiKeys.refuseRevoked("Basic revoked-abc");

    assertThat(log.events).isEmpty();
  }
}
