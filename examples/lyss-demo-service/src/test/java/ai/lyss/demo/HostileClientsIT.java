package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Client-caused outcomes are client errors in every signal, and clients cannot spend the tenant
 * budget (issue 16).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientsIT {

  private static final String CHAT =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  private DemoProcess demo;

  @BeforeAll
  void start() {
    demo =
        DemoProcess.start(
            List.of("--provider-latency-ms", "0", "--provider-failure-rate", "0"), Map.of());
  }

  @AfterAll
  void stop() {
    demo.close();
  }

  /** One request on its own connection (hostile clients do not keep connections alive). */
  private int rawStatus(String method, String path, String tenant, String body) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), demo.port())) {
      socket.setSoTimeout(30_000);
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      socket
          .getOutputStream()
          .write(
              (method
                      + " "
                      + path
                      + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Tenant-ID: "
                      + tenant
                      + "\r\nContent-Type: application/json\r\nContent-Length: "
                      + content.length
                      + "\r\n\r\n"
                      + body)
                  .getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return Integer.parseInt(response.substring(9, 12));
    }
  }

  private PromText scrape() {
    return PromText.parse(demo.get("/metrics").body());
  }

  @Test
  void rejectedTenantIdsDoNotUseUpTheTenantBudget() throws IOException {
    // As many as the default budget of 100 tenants per metric: before the fix they filled it.
    for (int i = 0; i < 100; i++) {
      assertThat(
              demo.post("/v1/conversations", "{}", "X-Tenant-ID", "bad!tenant-" + i).statusCode())
          .isEqualTo(400);
    }
    assertThat(demo.post("/v1/conversations", "{}", "X-Tenant-ID", "real-customer").statusCode())
        .isEqualTo(201);

    PromText metrics = scrape();
    assertThat(
            metrics.find(
                "http_requests_total", Map.of("tenant_id", "real-customer", "status", "201")))
        .hasSize(1);
    assertThat(metrics.find("conversations_created_total", Map.of("tenant_id", "real-customer")))
        .hasSize(1);
    assertThat(metrics.find("http_requests_total", Map.of()))
        .noneMatch(s -> s.labels().get("tenant_id").startsWith("bad"))
        .noneMatch(s -> s.labels().get("tenant_id").equals("__overflow__"));
  }

  @Test
  void reservedTenantValuesAreRefusedWith400() throws IOException {
    for (String reserved : List.of("__overflow__", "unknown", "Unknown")) {
      assertThat(rawStatus("POST", "/v1/chat/completions", reserved, CHAT))
          .as(reserved)
          .isEqualTo(400);
    }
  }

  @Test
  void anUploadCutShortIsA400InMetricsLogsAndSpansNotA500() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), demo.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nX-Tenant-ID: uploader\r\n"
                  + "X-Request-ID: cut-short-upload\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 5000\r\n\r\n{\"model\":\"gpt")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      socket.getInputStream().readAllBytes();
    }

    Poll.until(
        "the aborted upload's closing log line",
        Duration.ofSeconds(30),
        () ->
            demo.stdout().stream()
                .anyMatch(
                    l ->
                        l.contains("\"cut-short-upload\"") && l.contains("\"Request completed\"")));
    List<String> lines =
        demo.stdout().stream().filter(l -> l.contains("\"cut-short-upload\"")).toList();
    assertThat(lines).noneMatch(l -> l.contains("\"level\":\"ERROR\""));
    assertThat(lines)
        .filteredOn(l -> l.contains("\"Request completed\""))
        .singleElement()
        .asString()
        .contains("\"status_code\":400");
    PromText metrics = scrape();
    assertThat(
            metrics.find(
                "http_requests_total", Map.of("endpoint", "/v1/chat/completions", "status", "400")))
        .isNotEmpty();
    assertThat(
            metrics.find(
                "http_requests_total", Map.of("endpoint", "/v1/chat/completions", "status", "500")))
        .isEmpty();
  }
}
