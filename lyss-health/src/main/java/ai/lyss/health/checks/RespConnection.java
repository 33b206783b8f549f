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

  /** Reads one reply line without its CRLF; the whole read is bounded by the deadline. */
  String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      socket.setSoTimeout(RedisHealthCheck.remainingMillis(deadlineNanos));
      int c = in.read();
      if (c < 0) {
        throw new EOFException("connection closed by server");
      }
      if (c == '\n') {
        int len = line.length();
        return len > 0 && line.charAt(len - 1) == '\r'
            ? line.substring(0, len - 1)
            : line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new IOException("reply line longer than " + MAX_LINE + " bytes");
      }
      line.append((char) c);
    }
  }
}
