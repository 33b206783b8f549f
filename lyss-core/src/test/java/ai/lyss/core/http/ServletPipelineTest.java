package ai.lyss.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.servlet.LyssServletFilter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServletPipelineTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final RecordingObserver measure =
      new RecordingObserver(HttpObserver.Stage.MEASURE, events);
  private final RecordingObserver log = new RecordingObserver(HttpObserver.Stage.LOG, events);
  private final RecordingObserver context =
      new RecordingObserver(HttpObserver.Stage.CONTEXT, events);
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private Server server;
  private int port;

  @BeforeEach
  void start() throws Exception {
    // Added in the "wrong" order on purpose: the pipeline orders them by stage.
    HttpPipeline pipeline =
        HttpPipeline.builder().observer(measure).observer(log).observer(context).build();
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler handler = new ServletContextHandler("/");
    handler.addFilter(
        new FilterHolder(new LyssServletFilter(pipeline)),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
    ServletHolder app = new ServletHolder(new App());
    app.setAsyncSupported(true);
    handler.addServlet(app, "/*");
    server.setHandler(handler);
    server.start();
    port = connector.getLocalPort();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  private final class App extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      handled.add(req.getRequestURI());
      events.add("handler");
      switch (req.getRequestURI()) {
        case "/upload" -> {
          byte[] body = req.getInputStream().readAllBytes(); // fails when the body is cut short
          resp.getOutputStream().write(("got " + body.length).getBytes(StandardCharsets.UTF_8));
        }
        case "/boom" -> throw new IllegalStateException("handler exploded");
        case "/unauthorized" -> resp.setStatus(401);
        case "/stream" -> {
          byte[] chunk = new byte[64 * 1024];
          OutputStream out = resp.getOutputStream();
          for (int i = 0; i < 16 * 1024; i++) { // up to 1 GiB: the client leaves long before
            out.write(chunk);
            out.flush();
          }
        }
        case "/async" -> {
          // With the request and response it was given: startAsync() with no arguments hands the
          // container's unwrapped response to the async code, whose bytes no filter can count.
          AsyncContext async = req.startAsync(req, resp);
          async.start(
              () -> {
                try {
                  async
                      .getResponse()
                      .getOutputStream()
                      .write("later".getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
                async.complete();
              });
        }
        default -> resp.getOutputStream().write("ok".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) DEADLINE.toMillis());
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static String get(String path, String... headers) {
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    return request.append("Connection: close\r\n\r\n").toString();
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within %s", DEADLINE).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  @Test
  void observersStartInStageOrderAndEndInReverseWhateverOrderTheyWereAdded() throws Exception {
    String response = exchange(get("/ok"));

    assertThat(response).startsWith("HTTP/1.1 200");
    await(() -> events.contains("exit CONTEXT"));
    assertThat(events)
        .containsExactly(
            "start CONTEXT",
            "start LOG",
            "start MEASURE",
            "handler",
            "end MEASURE",
            "end LOG",
            "end CONTEXT",
            "exit MEASURE",
            "exit LOG",
            "exit CONTEXT");
  }

  @Test
  void everyObserverSeesOneRequestIdWhichIsAlsoTheResponseHeader() throws Exception {
    String response = exchange(get("/ok", "X-Request-ID: req-7.a_b"));

    await(() -> context.ended.size() == 1);
    assertThat(response).contains("X-Request-ID: req-7.a_b");
    assertThat(List.of(context.ended.get(0), log.ended.get(0), measure.ended.get(0)))
        .extracting(RecordingObserver.Ended::requestId)
        .containsOnly("req-7.a_b");
  }

  @Test
  void aBodyCutShortIsAClientErrorWithStatus400NotAServerError() throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) DEADLINE.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n"
                  + "only ten b")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      in.readAllBytes();
    }

    await(() -> measure.ended.size() == 1);
    RecordingObserver.Ended ended = measure.ended.get(0);
    assertThat(ended.outcome()).isEqualTo(Outcome.CLIENT_ERROR);
    assertThat(ended.status()).isEqualTo(400);
    assertThat(ended.error()).isNull();
  }

  @Test
  void aClientThatLeavesMidResponseIsRecordedAs499() throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) DEADLINE.toMillis());
      socket.getOutputStream().write(get("/stream").getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      socket.getInputStream().readNBytes(1024); // the response has started
      socket.setSoLinger(true, 0); // leave with a reset
    }

    await(() -> measure.ended.size() == 1);
    RecordingObserver.Ended ended = measure.ended.get(0);
    assertThat(ended.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(ended.status()).isEqualTo(499);
    assertThat(ended.error()).isNull();
  }

  @Test
  void aHandlerExceptionIsAServerFailureWith500AndTheError() throws Exception {
    String response = exchange(get("/boom"));

    assertThat(response).startsWith("HTTP/1.1 500");
    await(() -> measure.ended.size() == 1);
    RecordingObserver.Ended ended = measure.ended.get(0);
    assertThat(ended.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(ended.status()).isEqualTo(500);
    assertThat(ended.error()).hasMessage("handler exploded");
  }

  @Test
  void reservedOrEmptyTenantsAreRefusedWith400BeforeTheHandler() throws Exception {
    for (String tenant : List.of("__overflow__", "UNKNOWN", "unknown", " ")) {
      String response = exchange(get("/ok", "X-Tenant-ID: " + tenant));
      assertThat(response).as(tenant).startsWith("HTTP/1.1 400");
    }

    await(() -> measure.ended.size() == 4);
    assertThat(handled).isEmpty();
    assertThat(measure.ended)
        .allSatisfy(
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.admittedTenant()).isEqualTo("unknown");
            });
  }

  @Test
  void refusedRequestsKeepTheirTenantOutOfBoundedPlaces() throws Exception {
    exchange(get("/unauthorized", "X-Tenant-ID: made-up-tenant-1"));
    exchange(get("/ok", "X-Tenant-ID: acme-corp"));

    await(() -> measure.ended.size() == 2);
    assertThat(measure.ended.get(0).tenant()).isEqualTo("made-up-tenant-1");
    assertThat(measure.ended.get(0).admittedTenant()).isEqualTo("unknown");
    assertThat(measure.ended.get(1).admittedTenant()).isEqualTo("acme-corp");
  }

  @Test
  void anAsyncRequestEndsOnceWhenItCompletesWithItsBodySize() throws Exception {
    String response = exchange(get("/async"));

    assertThat(response).startsWith("HTTP/1.1 200").endsWith("later");
    await(() -> events.stream().filter(e -> e.startsWith("exit")).count() == 6);
    assertThat(events.stream().filter(e -> e.equals("end CONTEXT"))).hasSize(1);
    assertThat(context.ended.get(0).responseBytes()).isEqualTo(5);
    assertThat(context.ended.get(0).outcome()).isEqualTo(Outcome.COMPLETED);
  }
}
