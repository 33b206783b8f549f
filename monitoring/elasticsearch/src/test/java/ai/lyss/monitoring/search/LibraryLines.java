package ai.lyss.monitoring.search;

import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.jdkhttp.LyssHttpFilter;
import ai.lyss.logging.Fields;
import ai.lyss.logging.LyssJsonEncoder;
import ai.lyss.logging.RequestLogging;
import ai.lyss.logging.Severity;
import ai.lyss.logging.StructuredLogger;
import ai.lyss.testing.SlowStatements;
import ai.lyss.tracing.jdbc.TracingDataSource;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Real log lines of the library: every logging path writes through {@link LyssJsonEncoder} into
 * memory, and the lines are returned as written (one JSON object each).
 */
public final class LibraryLines {

  private LibraryLines() {}

  /** Writes one of each kind of line the platform's queries care about. */
  static List<String> produce() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.addAll(asService("chat-gateway", LibraryLines::chatGateway));
    lines.addAll(asService("memory-service", LibraryLines::memoryService));
    return lines;
  }

  private static void chatGateway() throws Exception {
    StructuredLogger log = StructuredLogger.getLogger("ai.lyss.gateway.Chat");
    MDC.put("request_id", "req-tenant42");
    MDC.put("tenant_id", "Tenant-42");
    log.info("conversation created", Fields.of("conversation_id", "c-1"));
    slowQuery();
    MDC.put("tenant_id", "acme-corp");
    log.info("message sent");
    log.error("database unavailable", new IllegalStateException("connection refused"));
    log.warning(
        "AI provider call failed",
        Fields.of("provider", "openai", "model", "gpt-4o", "error_type", "timeout"));
    MDC.put("tenant_id", "tenant-42"); // another tenant: ids are case-sensitive
    log.info("message sent");
    MDC.clear();
    log.audit("plan.change", "acme-corp", "u-7", "upgrade", "plan", "success");
    log.security("api_key.revoked", Severity.HIGH, "A revoked API key was used");
    log.security("quota.exceeded", Severity.LOW, "Tenant used up its quota");
    log.warning("high load", Fields.of("severity", "high"));
    // An unknown field that is an object in one event and a string in the other, both orders.
    log.info("retry scheduled", Fields.of("details", "plain text first"));
    log.info("retry scheduled", Fields.of("details", Map.of("attempt", 2, "backoff_ms", 250)));
    log.info("upstream answered", Fields.of("upstream", Map.of("status", 503)));
    log.info("upstream answered", Fields.of("upstream", "down"));
    // Hostile values: reserved and dotted names, a number where a string was, a huge value.
    log.info(
        "hostile fields",
        Fields.of("service", "spoofed", "user.name", "x", "status_code", "two hundred"));
    requestLines();
  }

  private static void memoryService() {
    StructuredLogger log = StructuredLogger.getLogger("ai.lyss.memory.Store");
    log.error("vector store timeout", new java.util.concurrent.TimeoutException("after 5000 ms"));
  }

  private static void slowQuery() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:conversations;DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      s.execute(SlowStatements.H2_ALIAS);
    }
    DataSource db = TracingDataSource.wrap(h2, OpenTelemetry.noop());
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT SLEEP_MS(1000) WHERE 'Tenant-42' <> 'secret'")) {
      rs.next();
    }
  }

  /** {@code Request started} and {@code Request completed} from the JDK HTTP server middleware. */
  private static void requestLines() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server
        .createContext(
            "/v1/conversations",
            exchange -> {
              byte[] body = "{\"id\":\"c-1\"}".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            })
        .getFilters()
        .add(
            new LyssHttpFilter(HttpPipeline.builder().observer(RequestLogging.observer()).build()));
    server.start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + server.getAddress().getPort()
                              + "/v1/conversations"))
                  .header("X-Tenant-ID", "acme-corp")
                  .header("User-Agent", "lyss-test/1.0")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("request failed: " + response.statusCode());
      }
    } finally {
      server.stop(0);
    }
  }

  /** Something that writes log lines. */
  private interface Writer {
    void write() throws Exception;
  }

  /** Runs the writer with the root logger writing the Lyss JSON schema into memory. */
  private static List<String> asService(String service, Writer writer) throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    LyssJsonEncoder encoder = new LyssJsonEncoder();
    encoder.setContext(context);
    encoder.setService(service);
    encoder.setVersion("1.4.2");
    encoder.setEnvironment("test");
    encoder.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("MEMORY");
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.setImmediateFlush(true);
    appender.start();
    root.addAppender(appender);
    try {
      writer.write();
    } finally {
      root.detachAppender(appender);
      appender.stop();
    }
    return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }
}
