package ai.lyss.demo;

import ai.lyss.demo.traffic.TrafficGenerator;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the demo gateway on embedded Jetty and stops it cleanly on SIGTERM: in-flight requests
 * finish (up to {@link #STOP_TIMEOUT_MILLIS}), then spans and logs are flushed.
 */
public final class DemoServer implements AutoCloseable {

  /** How long a graceful stop waits for in-flight requests. */
  static final long STOP_TIMEOUT_MILLIS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);

  private final DemoApplication application;
  private final Server server;
  private final URI baseUri;
  private final @Nullable TrafficGenerator traffic;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DemoServer(
      DemoApplication application, Server server, URI baseUri, @Nullable TrafficGenerator traffic) {
    this.application = application;
    this.server = server;
    this.baseUri = baseUri;
    this.traffic = traffic;
  }

  /**
   * Runs the demo until the process is stopped.
   *
   * @param args settings, see {@code --help}
   */
  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    List<String> arguments = List.of(args);
    if (arguments.contains("--help") || arguments.contains("-h")) {
      System.out.print(DemoConfig.usage());
      return;
    }
    // The hook is registered first, so a SIGTERM during start-up still stops what has started.
    AtomicReference<@Nullable DemoServer> running = new AtomicReference<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  DemoServer demo = running.get();
                  if (demo != null) {
                    demo.close();
                  }
                },
                "lyss-demo-shutdown"));
    DemoServer demo;
    try {
      demo = start(DemoConfig.parse(arguments, System.getenv()));
      running.set(demo);
    } catch (IllegalArgumentException e) {
      fail(System.err, e.getMessage(), 2);
      return;
    } catch (IllegalStateException e) {
      fail(System.err, e.getMessage(), 1);
      return;
    }
    demo.join();
  }

  /**
   * Starts the service.
   *
   * @param config the settings
   * @throws IllegalStateException when the port cannot be bound, naming the fix
   */
  static DemoServer start(DemoConfig config) {
    URI trafficTarget = config.traffic ? loopbackTarget(config.host) : null;
    DemoApplication application = DemoApplication.create(config, System.getenv());
    Server server = new Server(application.threads());
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host);
    connector.setPort(config.port);
    server.addConnector(connector);
    server.setHandler(new GracefulHandler(application.handler()));
    server.setStopTimeout(STOP_TIMEOUT_MILLIS);
    server.setStopAtShutdown(false); // our own hook stops it, then flushes spans and logs
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      application.close();
      throw new IllegalStateException(
          "Cannot listen on "
              + config.host
              + ":"
              + config.port
              + " ("
              + e.getMessage()
              + "): stop the process using it or pass --port <n> (--port 0 picks a free port)",
          e);
    }
    int port = connector.getLocalPort();
    URI base = URI.create("http://" + hostForUri(config.host) + ":" + port);
    LOG.info(
        "Lyss demo service listening on {} - metrics: {}/metrics, health: {}/health, traces: {}/debug/traces",
        base,
        base,
        base,
        base);
    LOG.info(
        "Tracing: {} - recent spans also kept in memory for /debug/traces",
        application.tracingSummary());
    TrafficGenerator traffic = null;
    if (trafficTarget != null) {
      URI target = URI.create(trafficTarget + ":" + port);
      traffic = TrafficGenerator.start(target, config.trafficRate, config.seed);
    }
    return new DemoServer(application, server, base, traffic);
  }

  /** The address clients reach the service at. */
  URI baseUri() {
    return baseUri;
  }

  /** Blocks until the server has stopped. */
  void join() {
    try {
      server.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops traffic, then Jetty (gracefully), then flushes spans and logs. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("Lyss demo service stopping: finishing in-flight requests");
    if (traffic != null) {
      traffic.close();
    }
    stopQuietly(server);
    application.close();
    LOG.info("Lyss demo service stopped");
    Logging.flush();
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("Jetty did not stop cleanly: {}", e.toString());
    }
  }

  private static URI loopbackTarget(String host) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "Invalid --host / LYSS_HOST '" + host + "': it does not resolve", e);
    }
    if (address.isAnyLocalAddress()) {
      return URI.create("http://127.0.0.1");
    }
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "--traffic sends requests over loopback only: run it with --host 127.0.0.1 or 0.0.0.0,"
              + " not "
              + host);
    }
    return URI.create("http://" + hostForUri(address.getHostAddress()));
  }

  private static String hostForUri(String host) {
    String h = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h.toLowerCase(Locale.ROOT);
  }

  private static void fail(PrintStream err, @Nullable String message, int exitCode) {
    err.println("lyss-demo-service: " + message);
    Logging.flush();
    System.exit(exitCode);
  }
}
