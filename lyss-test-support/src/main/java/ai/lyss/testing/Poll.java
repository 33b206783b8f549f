package ai.lyss.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a generous deadline, polling: never a fixed sleep, never a tight
 * wall-clock bound. The deadline only turns a condition that never holds into a failure; on a
 * loaded machine the wait simply lasts longer.
 */
public final class Poll {

  /** The deadline of the overloads without one: long enough for a loaded 2-core CI machine. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private static final long FIRST_INTERVAL_NANOS = Duration.ofMillis(5).toNanos();
  private static final long MAX_INTERVAL_NANOS = Duration.ofMillis(250).toNanos();

  private Poll() {}

  /**
   * Polls {@code condition} until it holds, for up to {@link #DEFAULT_TIMEOUT}.
   *
   * @param what what is awaited, for the failure message
   * @param condition the condition; evaluated on the calling thread
   * @throws AssertionError when the condition does not hold in time
   */
  public static void until(String what, BooleanSupplier condition) {
    until(what, DEFAULT_TIMEOUT, condition);
  }

  /**
   * Polls {@code condition} until it holds, for up to {@code timeout}.
   *
   * @param what what is awaited, for the failure message
   * @param timeout how long to wait at most
   * @param condition the condition; evaluated on the calling thread
   * @throws AssertionError when the condition does not hold in time
   */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(
        what,
        timeout,
        () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(),
        () -> "the condition was false");
  }

  /**
   * Polls {@code probe} until it returns a value, for up to {@code timeout}, and returns it.
   *
   * @param what what is awaited, for the failure message
   * @param timeout how long to wait at most
   * @param probe returns the awaited value once it is there, empty before
   * @param lastSeen describes what the probe last saw, for the failure message
   * @param <T> the awaited value's type
   * @return the first value the probe returned
   * @throws AssertionError when the probe returns nothing in time
   */
  public static <T> T until(
      String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> lastSeen) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long interval = FIRST_INTERVAL_NANOS;
    while (true) {
      Optional<T> result = probe.get();
      if (result.isPresent()) {
        return result.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "Timed out after "
                + timeout
                + " waiting for "
                + what
                + "; last seen: "
                + lastSeen.get());
      }
      LockSupport.parkNanos(interval); // poll interval, not a wait for the outcome
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + what);
      }
      interval = Math.min(interval * 2, MAX_INTERVAL_NANOS);
    }
  }
}
