package ai.lyss.tracing;

import ai.lyss.testing.Poll;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** This module's name for {@link Poll}: waits for a condition with a deadline. */
final class Await {
  private Await() {}

  static void until(String what, BooleanSupplier condition) {
    Poll.until(what, condition);
  }

  static void until(String what, Duration timeout, BooleanSupplier condition) {
    Poll.until(what, timeout, condition);
  }
}
