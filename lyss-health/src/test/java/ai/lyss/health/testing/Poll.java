package ai.lyss.health.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** This module's name for {@link ai.lyss.testing.Poll}: waits for a condition with a deadline. */
public final class Poll {

  private Poll() {}

  /** Polls {@code condition} until it holds; fails with {@code what} after {@code timeout}. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    ai.lyss.testing.Poll.until(what, timeout, condition);
  }
}
