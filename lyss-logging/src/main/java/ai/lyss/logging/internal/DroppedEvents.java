package ai.lyss.logging.internal;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** Process-wide counts of events dropped by asynchronous appenders, per schema level. */
public final class DroppedEvents {

  /** The levels that can be dropped, in index order. */
  public static final List<String> LEVELS = List.of("DEBUG", "INFO", "WARNING", "ERROR");

  private static final LongAdder[] COUNTS = {
    new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()
  };

  private DroppedEvents() {}

  /**
   * Counts one drop.
   *
   * @param levelIndex index into {@link #LEVELS}
   */
  static void increment(int levelIndex) {
    COUNTS[levelIndex].increment();
  }

  /**
   * Total drops of a level since start.
   *
   * @param level one of {@link #LEVELS}
   */
  public static long count(String level) {
    int index = LEVELS.indexOf(level);
    return index < 0 ? 0 : COUNTS[index].sum();
  }

  static int indexOf(String schemaLevel) {
    int index = LEVELS.indexOf(schemaLevel);
    return index < 0 ? 1 : index;
  }
}
