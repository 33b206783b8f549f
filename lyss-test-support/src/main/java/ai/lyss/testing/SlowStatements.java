package ai.lyss.testing;

/**
 * A slow SQL statement on demand for H2: register it with {@code CREATE ALIAS SLEEP_MS FOR
 * 'ai.lyss.testing.SlowStatements.sleepMillis'} and {@code SELECT SLEEP_MS(80)} takes at least 80
 * ms inside the database, where a JDBC wrapper times it. The pause is the statement's work, not a
 * test waiting for something.
 */
public final class SlowStatements {

  /** The alias declaration for H2. */
  public static final String H2_ALIAS =
      "CREATE ALIAS IF NOT EXISTS SLEEP_MS FOR 'ai.lyss.testing.SlowStatements.sleepMillis'";

  private SlowStatements() {}

  /**
   * Called by H2 through the alias.
   *
   * @param millis how long the statement takes
   * @return 0
   * @throws InterruptedException when the statement is cancelled
   */
  public static int sleepMillis(int millis) throws InterruptedException {
    Thread.sleep(millis);
    return 0;
  }
}
