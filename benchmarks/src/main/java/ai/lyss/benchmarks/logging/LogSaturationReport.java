package ai.lyss.benchmarks.logging;

import ai.lyss.benchmarks.logging.LogSaturationRun.Snapshot;

/** Formats the result of one saturation run as a table row plus a check line. */
final class LogSaturationReport {

  private LogSaturationReport() {}

  static String format(
      String pipeline,
      int threads,
      Snapshot start,
      Snapshot end,
      long logged,
      long droppedTotal,
      LogSaturationFileCount count,
      boolean audit) {
    double seconds = (end.nanos() - start.nanos()) / 1e9;
    double acceptedPerSecond = (end.accepted() - start.accepted()) / seconds;
    double writtenPerSecond = (count.linesBeforeEnd() - count.linesBeforeStart()) / seconds;
    long linesInWindow = count.linesBeforeEnd() - count.linesBeforeStart();
    double writerMicrosPerLine =
        linesInWindow <= 0
            ? Double.NaN
            : (end.writerCpuNanos() - start.writerCpuNanos()) / 1e3 / linesInWindow;
    long acceptedInWindow = end.accepted() - start.accepted();
    double callerMicrosPerEvent =
        acceptedInWindow <= 0
            ? Double.NaN
            : (end.callerCpuNanos() - start.callerCpuNanos()) / 1e3 / acceptedInWindow;
    double mibPerSecond = (end.bytes() - start.bytes()) / seconds / 1024 / 1024;
    long lostTotal = logged - count.eventLines();
    String droppedWindow =
        start.dropped() < 0
            ? "n/a (not counted)"
            : String.format("%,d", end.dropped() - start.dropped());
    String row =
        String.format(
            "| %-10s | %d | %,12.0f | %,12.0f | %17s | %,6.1f | %,12d | %,12d | %,12d | %s | %.2f |"
                + " %.3f |%n",
            pipeline,
            threads,
            acceptedPerSecond,
            writtenPerSecond,
            droppedWindow,
            mibPerSecond,
            logged,
            count.eventLines(),
            lostTotal,
            droppedTotal < 0 ? "n/a" : String.format("%,d", droppedTotal),
            writerMicrosPerLine,
            callerMicrosPerEvent);
    String check =
        audit || pipeline.endsWith("-blocking")
            ? String.format(
                "CHECK %s: events logged %d, lines written %d: %s%n",
                pipeline,
                logged,
                count.eventLines(),
                logged == count.eventLines() ? "none dropped" : "LOST " + lostTotal)
            : String.format(
                "CHECK %s: logged %d - written %d = %d not written%s%n",
                pipeline,
                logged,
                count.eventLines(),
                lostTotal,
                droppedTotal >= 0
                    ? ", getDroppedCount() = " + droppedTotal
                    : pipeline.startsWith("disruptor")
                        ? " (the disruptor appender drops when its ring buffer is full; it only"
                            + " warns every 1000 drops)"
                        : " (Logback AsyncAppender discards INFO silently at 80% full)");
    return row
        + check
        + String.format(
            "RESULT %s written_per_s %.0f writer_cpu_us_per_line %.3f caller_cpu_us_per_event %.3f%n",
            pipeline, writtenPerSecond, writerMicrosPerLine, callerMicrosPerEvent);
  }
}
