package ai.lyss.logging.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats epoch milliseconds as {@code 2026-11-26T10:00:00.123Z}, caching the per-second part. */
final class Timestamps {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);

  private static volatile Cached cached = new Cached(Long.MIN_VALUE, "");

  private Timestamps() {}

  static String format(long epochMillis) {
    long second = Math.floorDiv(epochMillis, 1000L);
    int millis = (int) Math.floorMod(epochMillis, 1000L);
    Cached current = cached;
    if (current.second != second) {
      current = new Cached(second, SECONDS.format(Instant.ofEpochSecond(second)));
      cached = current;
    }
    char[] out = new char[current.prefix.length() + 4];
    current.prefix.getChars(0, current.prefix.length(), out, 0);
    int p = current.prefix.length();
    out[p] = (char) ('0' + millis / 100);
    out[p + 1] = (char) ('0' + (millis / 10) % 10);
    out[p + 2] = (char) ('0' + millis % 10);
    out[p + 3] = 'Z';
    return new String(out);
  }

  private record Cached(long second, String prefix) {}
}
