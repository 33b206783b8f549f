package ai.lyss.demo;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** This module's name for {@link ai.lyss.testing.Poll}: waits for a condition with a deadline. */
final class Poll {

  private Poll() {}

  static void until(String what, Duration timeout, BooleanSupplier condition) {
    ai.lyss.testing.Poll.until(what, timeout, condition);
  }
}
