package ai.lyss.monitoring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Sends a steady mix of requests to a {@link FailingService} until closed. */
final class TrafficGenerator implements AutoCloseable {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<HttpRequest> mix;

  TrafficGenerator(int port) {
    String base = "http://127.0.0.1:" + port;
    mix =
        List.of(
            get(base + "/v1/conversations/41", "acme"),
            get(base + "/v1/conversations/42", "globex"),
            HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                .header("X-Tenant-ID", "acme")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o\"}"))
                .build(),
            get(base + "/v1/reports/7", "acme"),
            get(base + "/v1/conversations/43", FailingService.QUOTA_EXHAUSTED_TENANT));
    scheduler.scheduleAtFixedRate(this::sendMix, 0, 100, TimeUnit.MILLISECONDS);
  }

  private static HttpRequest get(String uri, String tenant) {
    return HttpRequest.newBuilder(URI.create(uri))
        .header("X-Tenant-ID", tenant)
        .timeout(Duration.ofSeconds(10))
        .GET()
        .build();
  }

  private void sendMix() {
    for (HttpRequest request : mix) {
      // Fire and forget: a failed request is only missing traffic, which the assertions notice.
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
