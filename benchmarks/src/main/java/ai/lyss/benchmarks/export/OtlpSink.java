package ai.lyss.benchmarks.export;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * A loopback OTLP/HTTP sink in its own process, so the benchmark JVM's allocation and CPU figures
 * are the sender's alone: reads every request body to the end and answers 200 with an empty body
 * (an empty {@code ExportTraceServiceResponse}). Prints its port on the first line of stdout and
 * exits when stdin closes (when the benchmark that started it ends or dies).
 */
public final class OtlpSink {

  private OtlpSink() {}

  /**
   * Runs the sink.
   *
   * @param args none
   * @throws IOException if the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStreamSink.INSTANCE);
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
          } finally {
            exchange.close();
          }
        });
    server.start();
    System.out.println(server.getAddress().getPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the parent to close stdin
    }
    server.stop(0);
    System.exit(0);
  }

  /** Discards bytes. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
