package ai.lyss.demo.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A fixed-window request quota per tenant. Memory is bounded: past {@link #MAX_TENANTS} tracked
 * tenants, expired windows are dropped, and if none has expired the newcomers share one window.
 */
public final class TenantQuota {

  /** Tenants tracked at most. */
  public static final int MAX_TENANTS = 10_000;

  private static final String OVERFLOW = "__overflow__";

  private final int limit;
  private final long windowNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    final long start;
    int used;

    Window(long start) {
      this.start = start;
    }
  }

  /**
   * Creates the quota.
   *
   * @param limit requests allowed per tenant and window
   * @param window window length
   * @param nanoClock monotonic clock in nanoseconds
   */
  public TenantQuota(int limit, Duration window, LongSupplier nanoClock) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1");
    }
    this.limit = limit;
    this.windowNanos = window.toNanos();
    this.nanoClock = nanoClock;
    if (windowNanos <= 0) {
      throw new IllegalArgumentException("window must be positive");
    }
  }

  /** The configured requests per window. */
  public int limit() {
    return limit;
  }

  /**
   * Takes one request from the tenant's quota.
   *
   * @param tenantId the tenant
   * @return 0 when allowed, else the seconds until the tenant's window resets
   */
  public long tryAcquire(String tenantId) {
    long now = nanoClock.getAsLong();
    String key = tenantId;
    if (!windows.containsKey(key) && windows.size() >= MAX_TENANTS) {
      windows.values().removeIf(w -> now - w.start >= windowNanos);
      if (windows.size() >= MAX_TENANTS) {
        key = OVERFLOW;
      }
    }
    Window window =
        windows.compute(
            key, (k, w) -> w == null || now - w.start >= windowNanos ? new Window(now) : w);
    synchronized (window) {
      if (window.used < limit) {
        window.used++;
        return 0;
      }
      long remaining = windowNanos - (now - window.start);
      return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }
  }
}
