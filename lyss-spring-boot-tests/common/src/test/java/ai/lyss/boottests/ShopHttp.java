package ai.lyss.boottests;

import ai.lyss.testing.OtlpReceiver;
import ai.lyss.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** Real HTTP requests to the application under test, and a real OTLP/HTTP receiver for it. */
final class ShopHttp {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private ShopHttp() {}

  /** GET {@code path} on the local port, with optional header name/value pairs. */
  static HttpResponse<String> get(int port, String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The {@code /metrics} exposition once it contains {@code expected}: the filter records after the
   * handler returned, which can be after the client already has the response.
   */
  static String awaitScrape(int port, String expected) {
    return Poll.until(
        "'" + expected + "' on /metrics",
        Poll.DEFAULT_TIMEOUT,
        () -> {
          String body = get(port, "/metrics").body();
          return body.contains(expected) ? Optional.of(body) : Optional.<String>empty();
        },
        () -> get(port, "/metrics").body());
  }

  /** A started OTLP/HTTP receiver on a free loopback port. */
  static OtlpReceiver receiver() {
    try {
      return new OtlpReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
