package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Spans leave the process over OTLP/HTTP only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set. */
class OtlpExportIT {

  private static final String CHAT =
      "{\"model\":\"deepseek-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  @Test
  void spansArePostedToTheConfiguredOtlpEndpoint() throws IOException {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer collector =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            int bytes = body.readAllBytes().length;
            received.add(
                exchange.getRequestMethod()
                    + " "
                    + exchange.getRequestURI().getPath()
                    + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " "
                    + bytes);
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
    String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort();
    try (DemoProcess demo =
        DemoProcess.start(
            List.of("--provider-latency-ms", "0"),
            Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint))) {
      assertThat(demo.post("/v1/chat/completions", CHAT, "X-Tenant-ID", "t-otlp").statusCode())
          .isIn(200, 502);

      Poll.until(
          "an OTLP export to " + endpoint, Duration.ofSeconds(60), () -> !received.isEmpty());

      assertThat(received.get(0)).startsWith("POST /v1/traces application/x-protobuf");
      demo.awaitStdout(
          "the start-up line saying otlp=true",
          out -> out.stream().anyMatch(l -> l.contains("otlp=true")));
    } finally {
      collector.stop(0);
    }
  }

  @Test
  void withoutTheVariableTheStartUpLogSaysOtlpIsOff() {
    try (DemoProcess demo = DemoProcess.start(List.of(), Map.of())) {
      List<String> out = demo.awaitStdout("the second start-up line", lines -> lines.size() >= 2);

      assertThat(out.get(1)).contains("Tracing: ").contains("otlp=false");
    }
  }
}
