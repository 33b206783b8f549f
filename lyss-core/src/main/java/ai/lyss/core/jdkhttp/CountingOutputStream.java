package ai.lyss.core.jdkhttp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts the response body bytes written through it and notes a failed write. */
final class CountingOutputStream extends FilterOutputStream {

  private volatile long count;
  private volatile boolean writeFailed;

  CountingOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      writeFailed = true;
      throw e;
    }
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      writeFailed = true;
      throw e;
    }
    count += len;
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      writeFailed = true;
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } catch (IOException e) {
      writeFailed = true;
      throw e;
    }
  }

  long count() {
    return count;
  }

  boolean writeFailed() {
    return writeFailed;
  }
}
