package ai.lyss.logging.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.Redactor;
import ai.lyss.core.SecretShapes;
import ai.lyss.core.SecretShapes.Shape;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.servlet.LyssServletFilter;
import ai.lyss.logging.LogCapture;
import ai.lyss.logging.RequestLogging;
import ai.lyss.testing.Poll;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MDC;

/**
 * The request lines skip the redaction scan only for values the library produced (its constant
 * messages, a request id it generated, trace ids from the span): every value a client or the
 * application controls is still redacted, for every shape of lyss-core's secret corpus that can
 * travel through that channel.
 */
class RequestLineRedactionTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final AtomicReference<@Nullable String[]> MDC_ENTRY = new AtomicReference<>();
  private static final AtomicReference<@Nullable String> ERROR = new AtomicReference<>();
  private static final AtomicReference<@Nullable String> HANDLER_REQUEST_ID =
      new AtomicReference<>();

  private static LogCapture capture;
  private static Server server;
  private static URI base;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void startServer() throws Exception {
    capture = LogCapture.sync();
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    Filter application =
        (request, response, chain) -> {
          String[] entry = MDC_ENTRY.get();
          if (entry != null) {
            MDC.put(entry[0], entry[1]);
          }
          try {
            chain.doFilter(request, response);
          } finally {
            if (entry != null) {
              MDC.remove(entry[0]);
            }
          }
        };
    context.addFilter(new FilterHolder(application), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(
        new FilterHolder(
            new LyssServletFilter(
                HttpPipeline.builder()
                    .observer(
                        RequestLogging.builder()
                            .logger(capture.structured("ai.lyss.logging.request"))
                            .build())
                    .build())),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new Handler()), "/*");
    server.setHandler(context);
    server.start();
    base =
        URI.create(
            "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.stop();
    capture.close();
  }

  @BeforeEach
  void reset() {
    MDC_ENTRY.set(null);
    ERROR.set(null);
    HANDLER_REQUEST_ID.set(null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queryShapes")
  void secretInTheQueryIsRedacted(Shape shape) throws Exception {
    String output =
        exchange(new URI("http", null, "127.0.0.1", base.getPort(), "/ok", shape.text(), null));

    assertRedacted(output, shape);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headerShapes")
  void secretInTheUserAgentIsRedacted(Shape shape) throws Exception {
    String output = exchange(base.resolve("/ok"), "User-Agent", shape.text());

    assertRedacted(output, shape);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokenShapes")
  void secretSentAsTheRequestIdIsRedacted(Shape shape) throws Exception {
    String output = exchange(base.resolve("/ok"), "X-Request-ID", shape.secret());

    assertRedacted(output, shape);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headerShapes")
  void secretSentAsTheTenantIsRedacted(Shape shape) throws Exception {
    String output = exchange(base.resolve("/ok"), "X-Tenant-ID", shape.text());

    assertRedacted(output, shape);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allShapes")
  void secretInAnApplicationMdcEntryIsRedacted(Shape shape) throws Exception {
    MDC_ENTRY.set(new String[] {shape.key() == null ? "note" : shape.key(), shape.value()});

    String output = exchange(base.resolve("/ok"));

    assertRedacted(output, shape);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allShapes")
  void secretInTheHandlersErrorMessageIsRedacted(Shape shape) throws Exception {
    ERROR.set("No conversation '" + shape.text() + "'");

    String output = exchange(base.resolve("/ok"));

    assertThat(output).contains("\"message\":\"Request failed\"");
    assertRedacted(output, shape);
  }

  @Test
  void applicationRequestIdInTheMdcIsRedactedOnTheCompletedLine() throws Exception {
    String key = "sk-proj-AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH1234";
    HANDLER_REQUEST_ID.set(key);

    String output = exchange(base.resolve("/ok"));

    assertThat(output).doesNotContain(key).contains("\"request_id\":\"[REDACTED]\"");
  }

  @Test
  void applicationTraceIdInTheMdcIsRedacted() throws Exception {
    String key = "sk-proj-AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH1234";
    MDC_ENTRY.set(new String[] {"trace_id", key});

    String output = exchange(base.resolve("/ok"));

    assertThat(output).doesNotContain(key).contains("\"trace_id\":\"[REDACTED]\"");
  }

  @Test
  void generatedRequestIdIsWrittenAsIs() throws Exception {
    HttpResponse<String> response = send(base.resolve("/ok"));
    String id = response.headers().firstValue("X-Request-ID").orElseThrow();

    String output = completedLines(id);

    assertThat(output).contains("\"request_id\":\"" + id + "\"");
  }

  /** Sends one request and returns the lines written since, once its last line is there. */
  private String exchange(URI uri, String... headers) throws Exception {
    int start = capture.rawLines().size();
    int before = completedCount();
    send(uri, headers);
    Poll.until("the request's last line", DEADLINE, () -> completedCount() > before);
    List<String> lines = capture.rawLines();
    return String.join("\n", lines.subList(start, lines.size()));
  }

  private HttpResponse<String> send(URI uri, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(DEADLINE);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String completedLines(String requestId) {
    Poll.until(
        "completed line of " + requestId,
        DEADLINE,
        () ->
            capture.rawLines().stream()
                .anyMatch(l -> l.contains(requestId) && l.contains("Request completed")));
    return String.join(
        "\n", capture.rawLines().stream().filter(l -> l.contains(requestId)).toList());
  }

  private static int completedCount() {
    return (int)
        capture.rawLines().stream()
            .filter(
                l ->
                    l.contains("\"message\":\"Request completed\"")
                        || l.contains("\"message\":\"Request failed\""))
            .count();
  }

  private static void assertRedacted(String output, Shape shape) {
    assertThat(output).doesNotContain(shape.secret()).contains("[REDACTED]");
  }

  static List<Shape> allShapes() {
    return SecretShapes.all();
  }

  /**
   * Shapes a query can carry, most of them percent-encoded on the way ({@code with%20sk-proj-...}):
   * the rules find a token right after a percent-escape too.
   */
  static List<Shape> queryShapes() {
    return shapes(
        shape -> {
          try {
            return new URI("http", null, "h", 1, "/ok", shape.text(), null).getRawQuery() != null;
          } catch (URISyntaxException e) {
            return false;
          }
        });
  }

  /** Shapes a header can carry (no line breaks). */
  static List<Shape> headerShapes() {
    return shapes(shape -> shape.text().chars().noneMatch(c -> c < 0x20 || c == 0x7f));
  }

  /**
   * Free-text shapes whose secret is recognisable on its own and passes as an {@code X-Request-ID}
   * (which keeps {@code [A-Za-z0-9._-]{1,128}}).
   */
  static List<Shape> tokenShapes() {
    return shapes(
        shape ->
            shape.key() == null
                && shape.secret().matches("[A-Za-z0-9._-]{1,128}")
                && !Redactor.defaults().redact(shape.secret()).contains(shape.secret()));
  }

  private static List<Shape> shapes(Predicate<Shape> channel) {
    List<Shape> shapes = SecretShapes.all().stream().filter(channel).toList();
    assertThat(shapes).isNotEmpty();
    return shapes;
  }

  static final class Handler extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String error = ERROR.get();
      if (error != null) {
        throw new IllegalStateException(error);
      }
      String requestId = HANDLER_REQUEST_ID.get();
      if (requestId != null) {
        MDC.put("request_id", requestId); // Lyss restores its own when the request ends
      }
      response.setContentType("text/plain");
      response.getOutputStream().write(new byte[] {'o', 'k'});
    }
  }
}
