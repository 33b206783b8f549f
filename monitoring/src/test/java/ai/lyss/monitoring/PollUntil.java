package ai.lyss.monitoring;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, never a fixed sleep. */
final class PollUntil {

  private PollUntil() {}

  /**
   * Evaluates {@code probe} every 250 ms until it returns a value or {@code timeout} passes.
   *
   * @param what what is awaited, for the failure message
   * @param lastSeen what the probe last saw, for the failure message
   */
  static <T> T poll(
      String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> lastSeen) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> result = probe.get();
      if (result.isPresent()) {
        return result.get();
      }
      if (System.nanoTime() - deadline > 0) {
        return fail("%s did not happen within %s; last seen: %s", what, timeout, lastSeen.get());
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
  }
}
