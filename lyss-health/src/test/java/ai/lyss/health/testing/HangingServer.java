package ai.lyss.health.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server that accepts connections and never answers: a hung Redis, a hung HTTP server, a
 * database stuck in its startup handshake.
 */
public final class HangingServer implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger closedByPeer = new AtomicInteger();
  private final Thread acceptor;

  public HangingServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "hanging-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        accepted.add(s);
        Thread reader =
            new Thread(
                () -> {
                  // Read and discard, to notice when the client gives up and closes.
                  try {
                    byte[] buf = new byte[1024];
                    while (s.getInputStream().read(buf) >= 0) {
                      // never answer
                    }
                  } catch (IOException ignored) {
                    // reset by peer counts as closed too
                  }
                  closedByPeer.incrementAndGet();
                },
                "hanging-server-conn");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Connections accepted so far. */
  public int acceptedCount() {
    return accepted.size();
  }

  /** Connections the client side has closed (the check gave up and released its socket). */
  public int closedByClientCount() {
    return closedByPeer.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : accepted) {
      s.close();
    }
  }
}
