package ai.lyss.health.checks;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The few RESP operations a health check needs: send a command, read one reply line. */
final class RespConnection {

  private static final int MAX_LINE = 512;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final long deadlineNanos;
  private final byte[] buffer = new byte[MAX_LINE + 2];
  private final byte[] line = new byte[MAX_LINE];
  private int pos;
  private int limit;

  RespConnection(Socket socket, long deadlineNanos) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = new BufferedOutputStream(socket.getOutputStream());
    this.deadlineNanos = deadlineNanos;
  }

  void send(List<String> args) throws IOException {
    out.write(("*" + args.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      out.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.write('\r');
      out.write('\n');
    }
  }

  void flush() throws IOException {
    out.flush();
  }

  /**
   * Reads one reply line without its CRLF; the whole read is bounded by the deadline. Bytes come
   * from a buffer filled by as few socket reads as the server allows, and the socket timeout is set
   * once per read that has to wait, not once per byte.
   */
  String readLine() throws IOException {
    int length = 0;
    while (true) {
      if (pos == limit) {
        fill();
      }
      byte b = buffer[pos++];
      if (b == '\n') {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return new String(line, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (length >= MAX_LINE) {
        throw new IOException("reply line longer than " + MAX_LINE + " bytes");
      }
      line[length++] = b;
    }
  }

  private void fill() throws IOException {
    socket.setSoTimeout(RedisHealthCheck.remainingMillis(deadlineNanos));
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      throw new EOFException("connection closed by server");
    }
    pos = 0;
    limit = n;
  }
}
