package ai.lyss.metrics.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where recording failures go: recording never throws into the host service, so a failure is
 * counted and the first one is logged with its stack trace.
 */
public final class RecordingErrors {

  private static final Logger log = LoggerFactory.getLogger(RecordingErrors.class);
  private static final AtomicBoolean logged = new AtomicBoolean();
  private static final AtomicLong count = new AtomicLong();

  private RecordingErrors() {}

  /**
   * Notes a failure that was swallowed.
   *
   * @param what the recording that failed
   * @param error the failure
   */
  public static void swallowed(String what, Throwable error) {
    count.incrementAndGet();
    if (logged.compareAndSet(false, true)) {
      log.warn("lyss-metrics could not record {}; further failures are counted only", what, error);
    }
  }

  /** How many recording failures were swallowed in this process. */
  public static long count() {
    return count.get();
  }
}
