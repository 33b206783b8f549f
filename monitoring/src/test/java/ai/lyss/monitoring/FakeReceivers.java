package ai.lyss.monitoring;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for Slack's incoming webhooks and PagerDuty's Events API on loopback: records every
 * JSON body posted, with its path.
 */
final class FakeReceivers implements AutoCloseable {

  /** One notification received. */
  record Notification(String path, JsonNode body) {}

  private final HttpServer server;
  private final List<Notification> received = new CopyOnWriteArrayList<>();

  FakeReceivers() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Notification(
                  exchange.getRequestURI().getPath(), JsonMapper.shared().readTree(body)));
          // PagerDuty answers 202 with a JSON body; Slack answers 200 "ok".
          byte[] answer = "{\"status\":\"success\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().startsWith("/pagerduty") ? 202 : 200,
              answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  /** The base URL, {@code http://127.0.0.1:port}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** What was received so far at {@code path}. */
  List<Notification> at(String path) {
    return received.stream().filter(notification -> notification.path().equals(path)).toList();
  }

  /** Everything received so far, for failure messages. */
  List<Notification> all() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
