package ai.lyss.demo.gateway;

import ai.lyss.health.HealthCheck;
import ai.lyss.health.HealthCheckResult;
import java.util.Locale;
import java.util.Map;

/**
 * The model provider's health, judged from the outcomes of the last {@link #WINDOW} real calls
 * rather than from a synthetic probe (which would cost tokens with a real provider): unhealthy when
 * at least {@link #MIN_CALLS} calls were seen and half or more of them failed.
 */
public final class ProviderHealth implements HealthCheck {

  /** Calls remembered. */
  public static final int WINDOW = 20;

  /** Calls needed before the check can report unhealthy. */
  public static final int MIN_CALLS = 10;

  private final boolean[] failed = new boolean[WINDOW];
  private int next;
  private int seen;

  /**
   * Records one call's outcome.
   *
   * @param success whether the call succeeded
   */
  public synchronized void record(boolean success) {
    failed[next] = !success;
    next = (next + 1) % WINDOW;
    seen = Math.min(seen + 1, WINDOW);
  }

  @Override
  public synchronized HealthCheckResult check() {
    int failures = 0;
    for (int i = 0; i < seen; i++) {
      if (failed[i]) {
        failures++;
      }
    }
    Map<String, String> details =
        Map.of(
            "recent_calls", Integer.toString(seen), "recent_failures", Integer.toString(failures));
    if (seen >= MIN_CALLS && failures * 2 >= seen) {
      return HealthCheckResult.unhealthy(
          String.format(Locale.ROOT, "%d of the last %d model calls failed", failures, seen),
          details);
    }
    return HealthCheckResult.healthy(details);
  }
}
