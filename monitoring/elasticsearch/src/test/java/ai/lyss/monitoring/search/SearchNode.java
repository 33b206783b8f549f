package ai.lyss.monitoring.search;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real single-node OpenSearch started in this JVM from its Maven Central jars: HTTP on a free
 * loopback port, no security plugin, data in a temporary directory removed on close.
 */
final class SearchNode implements AutoCloseable {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Path home;
  private final Node node;
  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A response: status code and parsed body. */
  record Response(int status, JsonNode body) {}

  private SearchNode(Path home, Node node, int port) {
    this.home = home;
    this.node = node;
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  static SearchNode start() throws Exception {
    Path home = Files.createTempDirectory("lyss-opensearch");
    int httpPort = freePort();
    int transportPort = freePort();
    Settings settings =
        Settings.builder()
            .put("path.home", home.toString())
            .put("cluster.name", "lyss-logs-test")
            .put("node.name", "lyss-logs-test")
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("discovery.type", "single-node")
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
    Node node =
        new Node(
            InternalSettingsPreparer.prepareEnvironment(
                settings, Map.of(), null, () -> "lyss-logs-test"),
            List.of(Netty4Plugin.class, CommonAnalysisPlugin.class),
            true) {};
    node.start();
    SearchNode searchNode = new SearchNode(home, node, httpPort);
    Response health =
        searchNode.request("GET", "/_cluster/health?wait_for_status=green&timeout=60s", null);
    if (health.status() != 200) {
      searchNode.close();
      throw new IllegalStateException("OpenSearch did not become healthy: " + health.body());
    }
    return searchNode;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  Response request(String method, String path, String body) throws Exception {
    return request(method, path, body, "application/json");
  }

  Response request(String method, String path, String body, String contentType) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String text = response.body();
    return new Response(
        response.statusCode(), JSON.readTree(text == null || text.isEmpty() ? "{}" : text));
  }

  /** Bulk-indexes JSON lines into an index, refreshed, and returns the bulk response. */
  JsonNode bulk(String index, List<String> lines) throws Exception {
    StringBuilder body = new StringBuilder();
    for (String line : lines) {
      body.append("{\"index\":{}}\n").append(line).append('\n');
    }
    Response response =
        request(
            "POST", "/" + index + "/_bulk?refresh=true", body.toString(), "application/x-ndjson");
    if (response.status() != 200) {
      throw new IllegalStateException("bulk failed: " + response.body());
    }
    return response.body();
  }

  /** Runs a search body against an index and returns the response. */
  JsonNode search(String index, String body) throws Exception {
    Response response = request("POST", "/" + index + "/_search", body);
    if (response.status() != 200) {
      throw new IllegalStateException("search failed: " + response.body());
    }
    return response.body();
  }

  @Override
  public void close() throws IOException {
    try {
      node.close();
    } finally {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
