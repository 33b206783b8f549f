package ai.lyss.benchmarks.e2e;

import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.servlet.LyssServletFilter;
import ai.lyss.logging.RequestLogging;
import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.servlet.PrometheusServlet;
import ai.lyss.tracing.LyssTracing;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A minimal "hello" endpoint on embedded Jetty 12 (ee10 servlet) for the end-to-end overhead run
 * ({@code benchmarks/e2e/run.sh}).
 *
 * <p>{@code --mode plain} serves {@code GET /hello} with no instrumentation (also the app the
 * OpenTelemetry agent is attached to). {@code --mode lyss} puts the one Lyss filter (the request
 * pipeline with the tracing, request-logging and metrics observers) around the same servlet, with
 * spans exported over OTLP (endpoint from {@code OTEL_EXPORTER_OTLP_ENDPOINT}), request logs
 * through the Lyss Logback configuration and metrics in the Prometheus registry (served on {@code
 * /metrics}, outside the filters).
 *
 * <p>Usage: {@code java -cp benchmarks.jar ai.lyss.benchmarks.e2e.HelloServer --mode plain|lyss
 * [--filters tracing,logging,metrics] [--work n] [--export otlp|none] [--port 8080]}. {@code
 * --filters} (lyss mode only) keeps a subset of the observers, for a per-filter breakdown; {@code
 * --work n} makes every request compute {@code n} SHA-256 digests of 1 KiB first (a fixed CPU cost
 * standing in for a handler that does something). Binds 127.0.0.1 only.
 */
public final class HelloServer {

  private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.UTF_8);
  private static final String HELLO_SERVLET = "hello";

  private HelloServer() {}

  /**
   * Starts the server and blocks until the process is stopped.
   *
   * @param args {@code --mode plain|lyss} and optionally {@code --port n}
   * @throws Exception when Jetty cannot start
   */
  public static void main(String[] args) throws Exception {
    String mode = "plain";
    int port = 8080;
    String filters = "tracing,logging,metrics";
    int work = 0;
    boolean export = true;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--mode" -> mode = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--filters" -> filters = args[i + 1];
        case "--work" -> work = Integer.parseInt(args[i + 1]);
        case "--export" -> export = !args[i + 1].equals("none");
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (work < 0) {
      throw new IllegalArgumentException("--work must be 0 or more, not " + work);
    }
    if (!mode.equals("plain") && !mode.equals("lyss")) {
      throw new IllegalArgumentException("--mode must be plain or lyss, not " + mode);
    }

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(HELLO_SERVLET, new Hello(work)), "/hello");
    LyssTracing tracing = null;
    if (mode.equals("lyss")) {
      tracing = LyssTracing.builder().serviceName("lyss-e2e-hello").otlpExport(export).build();
      LyssMetrics metrics = LyssMetrics.create();
      context.addServlet(
          new ServletHolder("metrics", PrometheusServlet.create(metrics)), "/metrics");
      List<String> enabled = List.of(filters.split(","));
      HttpPipeline.Builder pipeline = HttpPipeline.builder();
      if (enabled.contains("tracing")) {
        pipeline.observer(tracing.httpObserver());
      }
      if (enabled.contains("logging")) {
        pipeline.observer(RequestLogging.observer());
      }
      if (enabled.contains("metrics")) {
        pipeline.observer(metrics.httpObserver());
      }
      filter(context, "lyss", new LyssServletFilter(pipeline.build()));
    }

    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(context);
    server.setStopAtShutdown(true);
    server.start();
    System.err.println(
        "HelloServer mode="
            + mode
            + (mode.equals("lyss") ? " filters=" + filters : "")
            + " listening on http://127.0.0.1:"
            + connector.getLocalPort()
            + "/hello"
            + (work > 0 ? " work=" + work + " digests/request" : "")
            + (tracing != null ? " " + tracing : ""));
    server.join();
    if (tracing != null) {
      tracing.close();
    }
  }

  private static void filter(ServletContextHandler context, String name, Filter filter) {
    FilterHolder holder = new FilterHolder(filter);
    holder.setName(name);
    FilterMapping mapping = new FilterMapping();
    mapping.setFilterName(name);
    mapping.setServletNames(new String[] {HELLO_SERVLET});
    mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    context.getServletHandler().addFilter(holder, mapping);
  }

  /**
   * Writes a fixed six-byte body, after {@code work} SHA-256 digests of 1 KiB: a fixed amount of
   * CPU per request standing in for a handler that does real work.
   */
  private static final class Hello extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] INPUT = new byte[1024];

    private final int work;

    Hello(int work) {
      this.work = work;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (work > 0) {
        try {
          MessageDigest sha = MessageDigest.getInstance("SHA-256");
          byte[] digest = INPUT;
          for (int i = 0; i < work; i++) {
            sha.update(INPUT);
            digest = sha.digest(digest);
          }
          resp.setHeader("X-Work", Integer.toString(digest[0] & 0xff));
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
      resp.setContentType("text/plain");
      resp.setContentLength(HELLO.length);
      resp.getOutputStream().write(HELLO);
    }
  }
}
