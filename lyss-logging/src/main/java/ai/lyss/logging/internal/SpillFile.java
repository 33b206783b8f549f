package ai.lyss.logging.internal;

import ch.qos.logback.classic.spi.LoggerContextVO;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bounded local file that holds AUDIT/SECURITY events the output could not take, in the order
 * they came, until the writer replays them. Records are a 4-byte length and a {@link SpillCodec}
 * payload, appended at the end and read from the front; once every record has been read back the
 * file is emptied. Not thread-safe: {@link AuditOverflow} calls it under its lock.
 */
final class SpillFile {

  private final Path path;
  private final long maxBytes;
  private final boolean deleteWhenClosed;
  private @Nullable FileChannel channel;
  private long readPosition;
  private long writePosition;

  /**
   * A spill file; the file is opened on first use, or at once when it holds records left by an
   * earlier run (these are replayed first).
   *
   * @param path the file
   * @param maxBytes most bytes it may hold
   * @param deleteWhenClosed delete it on {@link #close} (a per-process temporary file)
   */
  SpillFile(Path path, long maxBytes, boolean deleteWhenClosed) throws IOException {
    this.path = path;
    this.maxBytes = maxBytes;
    this.deleteWhenClosed = deleteWhenClosed;
    if (Files.isRegularFile(path) && Files.size(path) > 0) {
      writePosition = open().size();
    }
  }

  Path path() {
    return path;
  }

  long maxBytes() {
    return maxBytes;
  }

  /** Bytes held and not yet read back. */
  long pendingBytes() {
    return writePosition - readPosition;
  }

  boolean isEmpty() {
    return readPosition == writePosition;
  }

  /**
   * Appends a record unless that would pass {@link #maxBytes}.
   *
   * @return whether the record was written
   */
  boolean append(byte[] record) throws IOException {
    long length = 4L + record.length;
    if (writePosition + length > maxBytes) {
      return false;
    }
    FileChannel file = open();
    ByteBuffer buffer = ByteBuffer.allocate((int) length);
    buffer.putInt(record.length).put(record).flip();
    long at = writePosition;
    while (buffer.hasRemaining()) {
      at += file.write(buffer, at);
    }
    writePosition = at;
    return true;
  }

  /**
   * Reads back up to {@code max} records in the order they were appended. A record that cannot be
   * decoded (a write cut short by a crash) ends the file: it and anything after it are discarded.
   *
   * @param max most records
   * @param context the logger context the events are attributed to
   * @return the events; when the file is drained, it is emptied
   */
  List<HeldEvent> read(int max, @Nullable LoggerContextVO context) throws IOException {
    List<HeldEvent> events = new ArrayList<>();
    FileChannel file = channel;
    if (file == null) {
      return events;
    }
    ByteBuffer header = ByteBuffer.allocate(4);
    while (events.size() < max && readPosition < writePosition) {
      header.clear();
      int length = readFully(file, header, readPosition) ? header.getInt(0) : -1;
      if (length < 0 || readPosition + 4 + length > writePosition) {
        readPosition = writePosition;
        break;
      }
      ByteBuffer body = ByteBuffer.allocate(length);
      if (!readFully(file, body, readPosition + 4)) {
        readPosition = writePosition;
        break;
      }
      readPosition += 4L + length;
      try {
        events.add(SpillCodec.decode(body.array(), context));
      } catch (IOException | RuntimeException e) {
        readPosition = writePosition;
        break;
      }
    }
    if (readPosition == writePosition) {
      readPosition = 0;
      writePosition = 0;
      file.truncate(0);
    }
    return events;
  }

  void close() throws IOException {
    FileChannel file = channel;
    channel = null;
    if (file != null) {
      file.close();
    }
    if (deleteWhenClosed
        || (readPosition == writePosition && Files.isRegularFile(path) && Files.size(path) == 0)) {
      Files.deleteIfExists(path);
    }
  }

  private FileChannel open() throws IOException {
    FileChannel file = channel;
    if (file == null) {
      file =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      channel = file;
    }
    return file;
  }

  private static boolean readFully(FileChannel file, ByteBuffer buffer, long at)
      throws IOException {
    long position = at;
    while (buffer.hasRemaining()) {
      int n = file.read(buffer, position);
      if (n < 0) {
        return false;
      }
      position += n;
    }
    return true;
  }
}
