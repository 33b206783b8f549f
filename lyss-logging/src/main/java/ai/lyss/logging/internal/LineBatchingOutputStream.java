package ai.lyss.logging.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Collects whole log lines and hands them to the target in one {@code write} when flushed, so a
 * batch of events costs one system call instead of one per line. A line is never split across two
 * target writes: when it does not fit in the free space the buffer is written out first, and a line
 * larger than the whole buffer goes straight through. Thread-safe.
 */
public final class LineBatchingOutputStream extends OutputStream {

  /** Default buffer size: well above the longest line (12 KiB by default). */
  public static final int DEFAULT_CAPACITY = 64 * 1024;

  private final OutputStream target;
  private final byte[] buffer;
  private int count;

  /**
   * Wraps a target.
   *
   * @param target where batches go (standard output, usually)
   * @param capacity buffer size in bytes, at least 1
   */
  public LineBatchingOutputStream(OutputStream target, int capacity) {
    this.target = requireNonNull(target, "target");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.buffer = new byte[capacity];
  }

  @Override
  public synchronized void write(int b) throws IOException {
    if (count == buffer.length) {
      writeBuffer();
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    if (len > buffer.length - count) {
      writeBuffer();
    }
    if (len > buffer.length) {
      target.write(b, off, len);
      return;
    }
    System.arraycopy(b, off, buffer, count, len);
    count += len;
  }

  @Override
  public synchronized void flush() throws IOException {
    writeBuffer();
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      flush();
    } finally {
      target.close();
    }
  }

  /** Bytes written and not yet handed to the target. */
  public synchronized int pending() {
    return count;
  }

  private void writeBuffer() throws IOException {
    if (count > 0) {
      int n = count;
      // Reset first: if the target throws, the batch is not written again after the next line.
      count = 0;
      target.write(buffer, 0, n);
    }
  }
}
