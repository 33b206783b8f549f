package ai.lyss.core.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the response body bytes written through it and notes a failed write (the client has gone
 * away). The one byte counter of the JDK HttpServer filter and the Servlet filter's output stream.
 */
public final class CountingOutputStream extends FilterOutputStream {

  private volatile long count;
  private volatile boolean writeFailed;

  /**
   * Counts what goes to {@code out}.
   *
   * @param out the response body stream
   */
  public CountingOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw failed(e);
    }
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw failed(e);
    }
    count += len;
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private IOException failed(IOException e) {
    writeFailed = true;
    return e;
  }

  /** The bytes written so far. */
  public long count() {
    return count;
  }

  /** Whether a write, flush or close failed. */
  public boolean writeFailed() {
    return writeFailed;
  }
}
