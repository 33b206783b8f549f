package ai.lyss.demo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderHealthTest {

  private final ProviderHealth health = new ProviderHealth();

  @Test
  void fewCallsAreNeverJudgedUnhealthy() {
    for (int i = 0; i < ProviderHealth.MIN_CALLS - 1; i++) {
      health.record(false);
    }

    assertThat(health.check().isHealthy()).isTrue();
  }

  @Test
  void halfOfTheRecentCallsFailingIsUnhealthy() {
    for (int i = 0; i < 10; i++) {
      health.record(i % 2 == 0);
    }

    assertThat(health.check().isHealthy()).isFalse();
    assertThat(health.check().error()).isEqualTo("5 of the last 10 model calls failed");
  }

  @Test
  void oldFailuresLeaveTheWindow() {
    for (int i = 0; i < ProviderHealth.WINDOW; i++) {
      health.record(false);
    }
    for (int i = 0; i < ProviderHealth.WINDOW; i++) {
      health.record(true);
    }

    assertThat(health.check().isHealthy()).isTrue();
  }
}
