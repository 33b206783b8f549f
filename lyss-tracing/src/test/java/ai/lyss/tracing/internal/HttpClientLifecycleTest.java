package ai.lyss.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * The reflective delegation, proven on any JDK against an {@code HttpClient} API that declares the
 * JDK 21 lifecycle methods (what {@code HttpClient} itself does from 21 on).
 */
class HttpClientLifecycleTest {

  /** An HttpClient API with JDK 21's lifecycle methods. */
  public abstract static class Jdk21Api extends HttpClient {
    /** JDK 21's {@code shutdown}. */
    public abstract void shutdown();

    /** JDK 21's {@code shutdownNow}. */
    public abstract void shutdownNow();

    /** JDK 21's {@code awaitTermination}. */
    public abstract boolean awaitTermination(Duration duration) throws InterruptedException;

    /** JDK 21's {@code isTerminated}. */
    public abstract boolean isTerminated();

    /** JDK 21's {@code close}. */
    public abstract void close();
  }

  /** Records the lifecycle calls it receives. */
  static final class Recording extends Jdk21Api {
    final List<String> calls = new ArrayList<>();

    @Override
    public void shutdown() {
      calls.add("shutdown");
    }

    @Override
    public void shutdownNow() {
      calls.add("shutdownNow");
    }

    @Override
    public boolean awaitTermination(Duration duration) {
      calls.add("awaitTermination " + duration);
      return true;
    }

    @Override
    public boolean isTerminated() {
      calls.add("isTerminated");
      return true;
    }

    @Override
    public void close() {
      calls.add("close");
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
      return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
      throw new UnsupportedOperationException();
    }

    @Override
    public SSLParameters sslParameters() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return Optional.empty();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
      return Optional.empty();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request,
        HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
      throw new UnsupportedOperationException();
    }
  }

  private final HttpClientLifecycle lifecycle = new HttpClientLifecycle(Jdk21Api.class);
  private final Recording client = new Recording();

  @Test
  void everyLifecycleMethodReachesTheClient() throws InterruptedException {
    lifecycle.shutdown(client);
    lifecycle.shutdownNow(client);
    assertThat(lifecycle.awaitTermination(client, Duration.ofSeconds(3))).isTrue();
    assertThat(lifecycle.isTerminated(client)).isTrue();
    lifecycle.close(client);
    assertThat(client.calls)
        .containsExactly(
            "shutdown", "shutdownNow", "awaitTermination PT3S", "isTerminated", "close");
  }

  @Test
  void onJdk17EveryCallIsANoOp() throws InterruptedException {
    HttpClientLifecycle jdk17Like = new HttpClientLifecycle(HttpClient.class);
    assumeFalse(jdk17Like.present(), "JDK 21+: HttpClient has the methods");
    jdk17Like.close(client);
    jdk17Like.shutdown(client);
    assertThat(jdk17Like.isTerminated(client)).isFalse();
    assertThat(jdk17Like.awaitTermination(client, Duration.ofSeconds(1))).isFalse();
    assertThat(client.calls).isEmpty();
  }
}
