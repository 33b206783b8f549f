package ai.lyss.demo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TenantQuotaTest {

  private final AtomicLong now = new AtomicLong();
  private final TenantQuota quota = new TenantQuota(2, Duration.ofSeconds(10), now::get);

  @Test
  void allowsTheLimitThenGivesTheSecondsUntilTheWindowResets() {
    assertThat(quota.tryAcquire("a")).isZero();
    assertThat(quota.tryAcquire("a")).isZero();
    now.set(Duration.ofSeconds(3).toNanos());

    assertThat(quota.tryAcquire("a")).isEqualTo(7);
  }

  @Test
  void aNewWindowRestoresTheQuota() {
    quota.tryAcquire("a");
    quota.tryAcquire("a");
    now.set(Duration.ofSeconds(10).toNanos());

    assertThat(quota.tryAcquire("a")).isZero();
  }

  @Test
  void tenantsHaveSeparateQuotas() {
    quota.tryAcquire("a");
    quota.tryAcquire("a");

    assertThat(quota.tryAcquire("b")).isZero();
  }

  @Test
  void tenantsPastTheTrackingCapShareOneWindowInsteadOfGrowingMemory() {
    TenantQuota one = new TenantQuota(1, Duration.ofHours(1), now::get);
    for (int i = 0; i < TenantQuota.MAX_TENANTS; i++) {
      assertThat(one.tryAcquire("tenant-" + i)).isZero();
    }

    assertThat(one.tryAcquire("newcomer-1")).isZero();
    assertThat(one.tryAcquire("newcomer-2")).isPositive();
  }
}
