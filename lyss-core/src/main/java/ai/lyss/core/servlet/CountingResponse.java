package ai.lyss.core.servlet;

import ai.lyss.core.internal.CountingOutputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Counts response body bytes written through the output stream or the writer, and notes when a
 * write fails (the client has gone away). One per request, written by the request's threads one at
 * a time (the Servlet spec forbids concurrent writes), so plain fields do.
 */
final class CountingResponse extends HttpServletResponseWrapper {

  private volatile long bytes;
  private volatile boolean writeFailed;
  private @Nullable CountingStream stream;
  private @Nullable PrintWriter writer;

  CountingResponse(HttpServletResponse response) {
    super(response);
  }

  long bytesWritten() {
    CountingStream current = stream;
    return bytes + (current == null ? 0 : current.counted.count());
  }

  boolean writeFailed() {
    CountingStream current = stream;
    return writeFailed || (current != null && current.counted.writeFailed());
  }

  private IOException failed(IOException e) {
    writeFailed = true;
    return e;
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    CountingStream current = stream;
    if (current == null) {
      current = new CountingStream(super.getOutputStream());
      stream = current;
    }
    return current;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    PrintWriter current = writer;
    if (current == null) {
      boolean utf8 = StandardCharsets.UTF_8.name().equalsIgnoreCase(getCharacterEncoding());
      // PrintWriter over a Writer adds no buffer: every write reaches the container's writer.
      current = new PrintWriter(new CountingWriter(super.getWriter(), utf8));
      writer = current;
    }
    return current;
  }

  @Override
  public void flushBuffer() throws IOException {
    try {
      super.flushBuffer();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** The servlet stream's writes go through the shared byte counter. */
  private static final class CountingStream extends ServletOutputStream {
    private final ServletOutputStream delegate;
    private final CountingOutputStream counted;

    CountingStream(ServletOutputStream delegate) {
      this.delegate = delegate;
      this.counted = new CountingOutputStream(delegate);
    }

    @Override
    public void write(int b) throws IOException {
      counted.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      counted.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      counted.flush();
    }

    @Override
    public void close() throws IOException {
      counted.close();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      delegate.setWriteListener(listener);
    }
  }

  /** PrintWriter swallows IOExceptions; checkError() is how callers learn of them. */
  private final class CountingWriter extends Writer {
    private final Writer delegate;
    private final boolean utf8;

    CountingWriter(Writer delegate, boolean utf8) {
      this.delegate = delegate;
      this.utf8 = utf8;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
      try {
        delegate.write(chars, off, len);
      } catch (IOException e) {
        throw failed(e);
      }
      long n = 0;
      for (int i = off; i < off + len; i++) {
        n += encodedLength(chars[i]);
      }
      bytes += n;
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
      try {
        delegate.write(text, off, len);
      } catch (IOException e) {
        throw failed(e);
      }
      long n = 0;
      for (int i = off; i < off + len; i++) {
        n += encodedLength(text.charAt(i));
      }
      bytes += n;
    }

    @Override
    public void write(int c) throws IOException {
      try {
        delegate.write(c);
      } catch (IOException e) {
        throw failed(e);
      }
      bytes += encodedLength((char) c);
    }

    private int encodedLength(char c) {
      if (!utf8 || c < 0x80) {
        return 1;
      }
      if (c < 0x800) {
        return 2;
      }
      return Character.isSurrogate(c) ? 2 : 3; // a surrogate pair is 4 bytes, 2 per half
    }

    @Override
    public void flush() throws IOException {
      try {
        delegate.flush();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
