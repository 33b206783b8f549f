package ai.lyss.metrics.internal;

import io.micrometer.core.instrument.Counter;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The counters of one series, one per status code, found by a linear scan of a small copy-on-write
 * array: a series sees a handful of statuses, so this beats a map and never boxes.
 */
final class StatusCounters {

  private final IntFunction<Counter> factory;
  private volatile int[] statuses = new int[0];
  private volatile Counter[] counters = new Counter[0];

  StatusCounters(IntFunction<Counter> factory) {
    this.factory = factory;
  }

  Counter get(int status) {
    Counter[] cs = counters;
    int[] ss = statuses;
    int n = Math.min(cs.length, ss.length);
    for (int i = 0; i < n; i++) {
      if (ss[i] == status) {
        return cs[i];
      }
    }
    return add(status);
  }

  private synchronized Counter add(int status) {
    int[] ss = statuses;
    for (int i = 0; i < ss.length; i++) {
      if (ss[i] == status) {
        return counters[i];
      }
    }
    Counter counter = factory.apply(status);
    Counter[] cs = Arrays.copyOf(counters, ss.length + 1);
    cs[ss.length] = counter;
    int[] nextStatuses = Arrays.copyOf(ss, ss.length + 1);
    nextStatuses[ss.length] = status;
    counters = cs; // published before statuses, so a reader never sees a status without counter
    statuses = nextStatuses;
    return counter;
  }
}
