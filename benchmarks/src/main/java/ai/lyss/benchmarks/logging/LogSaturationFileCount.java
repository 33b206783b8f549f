package ai.lyss.benchmarks.logging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the lines of a finished log file: all of them, those complete before two byte offsets
 * (file sizes taken during the run), and those that are the load's own events (the message text
 * occurs in them), so lines the pipeline wrote about itself are told apart.
 */
record LogSaturationFileCount(
    long lines, long linesBeforeStart, long linesBeforeEnd, long eventLines) {

  static final String MESSAGE = "request handled";

  private static final byte[] NEEDLE = MESSAGE.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  static LogSaturationFileCount of(Path file, long startOffset, long endOffset) throws IOException {
    long lines = 0;
    long beforeStart = 0;
    long beforeEnd = 0;
    long events = 0;
    long offset = 0;
    int matched = 0;
    boolean lineHasMessage = false;
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++, offset++) {
          byte b = buffer[i];
          if (b == '\n') {
            lines++;
            if (offset < startOffset) {
              beforeStart++;
            }
            if (offset < endOffset) {
              beforeEnd++;
            }
            if (lineHasMessage) {
              events++;
            }
            lineHasMessage = false;
            matched = 0;
            continue;
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
