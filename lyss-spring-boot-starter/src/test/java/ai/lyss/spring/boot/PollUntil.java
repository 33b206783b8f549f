package ai.lyss.spring.boot;

import ai.lyss.testing.Poll;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** This module's name for {@link Poll}: waits for a condition with a deadline. */
final class PollUntil {

  private PollUntil() {}

  /** Whether {@code condition} held within {@code deadline}. */
  static boolean poll(Duration deadline, BooleanSupplier condition) {
    try {
      Poll.until("the condition", deadline, condition);
      return true;
    } catch (AssertionError timedOut) {
      return false;
    }
  }
}
