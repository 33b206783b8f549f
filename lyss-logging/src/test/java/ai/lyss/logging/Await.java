package ai.lyss.logging;

import ai.lyss.testing.Poll;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** This module's name for {@link Poll}: waits for a condition with a deadline. */
public final class Await {

  private Await() {}

  public static void until(Duration timeout, BooleanSupplier condition, String what) {
    Poll.until(what, timeout, condition);
  }
}
