package ai.lyss.monitoring;

import ai.lyss.testing.Poll;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** This module's name for {@link Poll}: waits for a condition with a deadline. */
final class PollUntil {

  private PollUntil() {}

  /**
   * Evaluates {@code probe} until it returns a value or {@code timeout} passes.
   *
   * @param what what is awaited, for the failure message
   * @param lastSeen what the probe last saw, for the failure message
   */
  static <T> T poll(
      String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> lastSeen) {
    return Poll.until(what, timeout, probe, lastSeen);
  }
}
