package ai.lyss.logging.internal;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Process-wide counts of events lost by asynchronous appenders, per schema level, and of AUDIT and
 * SECURITY events coalesced or spilled under back-pressure.
 */
public final class DroppedEvents {

  /**
   * The levels that can be lost, in index order: the first four when the queue is full, AUDIT and
   * SECURITY only when memory and spill file are both full.
   */
  public static final List<String> LEVELS =
      List.of("DEBUG", "INFO", "WARNING", "ERROR", "AUDIT", "SECURITY");

  private static final LongAdder[] COUNTS = newCounts();
  private static final LongAdder COALESCED = new LongAdder();
  private static final LongAdder SPILLED = new LongAdder();

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

  /** AUDIT/SECURITY events folded into an identical held event (its count minus one). */
  public static long coalescedCount() {
    return COALESCED.sum();
  }

  /** AUDIT/SECURITY events written to a spill file. */
  public static long spilledCount() {
    return SPILLED.sum();
  }

  static void coalesced() {
    COALESCED.increment();
  }

  static void spilled() {
    SPILLED.increment();
  }

  static LongAdder[] newCounts() {
    LongAdder[] counts = new LongAdder[LEVELS.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
    return counts;
  }

  static int indexOf(String schemaLevel) {
    int index = LEVELS.indexOf(schemaLevel);
    return index < 0 ? 1 : index;
  }
}
