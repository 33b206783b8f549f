package ai.lyss.benchmarks.logging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the lines of a finished log file: all of them, those complete before two byte offsets
 * (file sizes taken during the run), and those that are the load's own events (the message text
 * occurs in them), so lines the pipeline wrote about itself are told apart. A coalesced line (Lyss
 * AUDIT events that waited past {@code maxWaitMillis}) counts as the {@code "count":N} events it
 * stands for.
 */
record LogSaturationFileCount(
    long lines, long linesBeforeStart, long linesBeforeEnd, long eventLines) {

  static final String MESSAGE = "request handled";

  private static final byte[] NEEDLE = MESSAGE.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] COUNT =
      "\"count\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  static LogSaturationFileCount of(Path file, long startOffset, long endOffset) throws IOException {
    long lines = 0;
    long beforeStart = 0;
    long beforeEnd = 0;
    long events = 0;
    long offset = 0;
    int matched = 0;
    boolean lineHasMessage = false;
    int countMatched = 0;
    long count = -1;
    boolean inCount = false;
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++, offset++) {
          byte b = buffer[i];
          if (b == '\n') {
            long weight = lineHasMessage && count > 0 ? count : 1;
            lines += weight;
            if (offset < startOffset) {
              beforeStart += weight;
            }
            if (offset < endOffset) {
              beforeEnd += weight;
            }
            if (lineHasMessage) {
              events += weight;
            }
            lineHasMessage = false;
            matched = 0;
            countMatched = 0;
            count = -1;
            inCount = false;
            continue;
          }
          if (inCount) {
            if (b >= '0' && b <= '9') {
              count = count * 10 + (b - '0');
            } else {
              inCount = false;
            }
          } else if (count < 0) {
            countMatched = b == COUNT[countMatched] ? countMatched + 1 : (b == COUNT[0] ? 1 : 0);
            if (countMatched == COUNT.length) {
              inCount = true;
              count = 0;
            }
          }
          matched = b == NEEDLE[matched] ? matched + 1 : (b == NEEDLE[0] ? 1 : 0);
          if (matched == NEEDLE.length) {
            lineHasMessage = true;
            matched = 0;
          }
        }
      }
    }
    return new LogSaturationFileCount(lines, beforeStart, beforeEnd, events);
  }
}
