package ai.lyss.health.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The reply reader against a socket that hands out scripted chunks and counts what it is asked. */
class RespConnectionTest {

  @Test
  void aReplyThatArrivesInOneChunkTakesOneSocketReadAndOneTimeoutSetting() throws IOException {
    ScriptedSocket socket = new ScriptedSocket("+PONG\r\n");

    assertThat(connection(socket).readLine()).isEqualTo("+PONG");
    assertThat(socket.reads).isEqualTo(1);
    assertThat(socket.timeoutSettings).isEqualTo(1);
  }

  @Test
  void twoRepliesInOneChunkAreReadWithoutAnotherSocketRead() throws IOException {
    ScriptedSocket socket = new ScriptedSocket("+OK\r\n+PONG\r\n");
    RespConnection resp = connection(socket);

    assertThat(resp.readLine()).isEqualTo("+OK");
    assertThat(resp.readLine()).isEqualTo("+PONG");
    assertThat(socket.reads).isEqualTo(1);
  }

  @Test
  void aReplySplitAcrossChunksIsJoined() throws IOException {
    ScriptedSocket socket = new ScriptedSocket("-ERR wro", "ngpass\r", "\n");

    assertThat(connection(socket).readLine()).isEqualTo("-ERR wrongpass");
  }

  @Test
  void aLineLongerThanTheCapIsRefused() {
    ScriptedSocket socket = new ScriptedSocket("+" + "x".repeat(600) + "\r\n");

    assertThatThrownBy(() -> connection(socket).readLine())
        .isInstanceOf(IOException.class)
        .hasMessage("reply line longer than 512 bytes");
  }

  @Test
  void aServerThatClosesMidLineIsAnEndOfStream() {
    ScriptedSocket socket = new ScriptedSocket("+PON");

    assertThatThrownBy(() -> connection(socket).readLine()).isInstanceOf(EOFException.class);
  }

  private static RespConnection connection(Socket socket) throws IOException {
    return new RespConnection(socket, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
  }

  /** Each read returns the next scripted chunk (at most what the caller asked for), then EOF. */
  private static final class ScriptedSocket extends Socket {
    private final Deque<byte[]> chunks = new ArrayDeque<>();
    int reads;
    int timeoutSettings;

    ScriptedSocket(String... chunks) {
      for (String chunk : chunks) {
        this.chunks.add(chunk.getBytes(StandardCharsets.US_ASCII));
      }
    }

    @Override
    public InputStream getInputStream() {
      return new InputStream() {
        @Override
        public int read() {
          throw new AssertionError("single-byte read");
        }

        @Override
        public int read(byte[] b, int off, int len) {
          reads++;
          byte[] next = chunks.poll();
          if (next == null) {
            return -1;
          }
          int n = Math.min(len, next.length);
          System.arraycopy(next, 0, b, off, n);
          if (n < next.length) {
            byte[] rest = new byte[next.length - n];
            System.arraycopy(next, n, rest, 0, rest.length);
            chunks.addFirst(rest);
          }
          return n;
        }
      };
    }

    @Override
    public OutputStream getOutputStream() {
      return new ByteArrayOutputStream();
    }

    @Override
    public void setSoTimeout(int timeout) {
      timeoutSettings++;
    }
  }
}
