package ai.lyss.health.checks;

import static java.util.Objects.requireNonNull;

import ai.lyss.health.HealthCheck;
import ai.lyss.health.HealthCheckResult;
import ai.lyss.health.internal.CancelScope;
import ai.lyss.health.internal.DownstreamCheck;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Healthy when {@code GET url} answers the expected status (200 by default) within the timeout,
 * which covers the whole exchange: connect, headers and body. The body is read up to a cap and
 * discarded. Redirects are not followed.
 *
 * <p>Credentials in the URL ({@code https://user:pass@host/health}) are sent as Basic
 * authentication; headers set with {@link Builder#header} (for example a bearer token) are sent as
 * given. Neither ever appears in an error text.
 */
public final class HttpHealthCheck implements HealthCheck, DownstreamCheck {

  /** Default cap on the body read, in bytes. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  private final URI uri;
  private final Duration timeout;
  private final int expectedStatus;
  private final int maxBodyBytes;
  private final Map<String, String> headers;
  private final List<String> secrets;
  private final HttpClient client;

  private HttpHealthCheck(Builder b, URI uri, Map<String, String> headers, List<String> secrets) {
    this.uri = uri;
    this.timeout = b.timeout;
    this.expectedStatus = b.expectedStatus;
    this.maxBodyBytes = b.maxBodyBytes;
    this.headers = Map.copyOf(headers);
    this.secrets = List.copyOf(secrets);
    HttpClient.Builder client =
        HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
    if (b.sslContext != null) {
      client.sslContext(b.sslContext);
    }
    this.client = client.build();
  }

  /**
   * A check of {@code url} with the defaults (5 s, status 200, 64 KiB body cap).
   *
   * @param url an {@code http} or {@code https} URL
   */
  public static HttpHealthCheck of(URI url) {
    return builder(url).build();
  }

  /**
   * A builder for a check of {@code url}.
   *
   * @param url an {@code http} or {@code https} URL
   */
  public static Builder builder(URI url) {
    return new Builder(url);
  }

  @Override
  public HealthCheckResult check() throws InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    headers.forEach(request::header);
    CompletableFuture<HttpResponse<Integer>> response =
        client.sendAsync(request.build(), info -> new CappedBody(maxBodyBytes));
    CancelScope.closeOnCancel(() -> response.cancel(true));
    try {
      int status = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
      return status == expectedStatus
          ? HealthCheckResult.healthy()
          : HealthCheckResult.unhealthy("HTTP " + status);
    } catch (TimeoutException e) {
      response.cancel(true);
      return CheckSupport.timeout(timeout);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof java.net.http.HttpTimeoutException) {
        return CheckSupport.timeout(timeout);
      }
      return CheckSupport.failure(cause, secrets);
    } catch (InterruptedException e) {
      response.cancel(true);
      throw e;
    }
  }

  @Override
  public String toString() {
    return "HttpHealthCheck{" + uri.getScheme() + "://" + uri.getHost() + '}';
  }

  /** Settings of an {@link HttpHealthCheck}. */
  public static final class Builder {
    private final URI url;
    private Duration timeout = CheckSupport.DEFAULT_TIMEOUT;
    private int expectedStatus = 200;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable SSLContext sslContext;

    private Builder(URI url) {
      requireNonNull(url, "url");
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
        throw new IllegalArgumentException(
            "url must be an absolute http:// or https:// URL with a host, for example"
                + " http://api-gateway:8000/health");
      }
      this.url = url;
    }

    /**
     * Timeout of the whole exchange (default 5 s).
     *
     * @param timeout positive duration
     */
    public Builder timeout(Duration timeout) {
      this.timeout = CheckSupport.positive(timeout, "timeout");
      return this;
    }

    /**
     * The status that means healthy (default 200).
     *
     * @param status 100-599
     */
    public Builder expectedStatus(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("expectedStatus must be 100-599, got " + status);
      }
      this.expectedStatus = status;
      return this;
    }

    /**
     * Most body bytes read before the connection is dropped (default 64 KiB).
     *
     * @param maxBodyBytes zero or more
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 0) {
        throw new IllegalArgumentException("maxBodyBytes must be >= 0, got " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * A request header, for example {@code Authorization: Bearer ...}; its value never appears in
     * error texts.
     *
     * @param name header name
     * @param value header value
     */
    public Builder header(String name, String value) {
      headers.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * TLS settings for {@code https} (default: the JDK's default trust store).
     *
     * @param sslContext the context
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = requireNonNull(sslContext, "sslContext");
      return this;
    }

    /** Builds the check. */
    public HttpHealthCheck build() {
      Map<String, String> allHeaders = new LinkedHashMap<>(headers);
      List<String> secrets = new ArrayList<>(headers.values());
      URI target = url;
      String userInfo = url.getRawUserInfo();
      if (userInfo != null) {
        String decoded = url.getUserInfo();
        String basic = Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
        allHeaders.putIfAbsent("Authorization", "Basic " + basic);
        secrets.add(basic);
        secrets.add(userInfo);
        int colon = decoded.indexOf(':');
        if (colon >= 0) {
          secrets.add(decoded.substring(colon + 1));
        }
        try {
          target =
              new URI(
                  url.getScheme(),
                  null,
                  url.getHost(),
                  url.getPort(),
                  url.getPath(),
                  url.getQuery(),
                  url.getFragment());
        } catch (URISyntaxException e) {
          throw new IllegalArgumentException("url could not be rebuilt without credentials", e);
        }
      }
      return new HttpHealthCheck(this, target, allHeaders, secrets);
    }
  }

  /** Reads at most {@code cap} bytes of the body, then cancels; yields the bytes read. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<Integer> {
    private final int cap;
    private final CompletableFuture<Integer> result = new CompletableFuture<>();
    private int read;
    private java.util.concurrent.Flow.@Nullable Subscription subscription;

    CappedBody(int cap) {
      this.cap = cap;
    }

    @Override
    public java.util.concurrent.CompletionStage<Integer> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<java.nio.ByteBuffer> items) {
      for (java.nio.ByteBuffer b : items) {
        read += b.remaining();
      }
      if (read > cap && subscription != null) {
        subscription.cancel();
        result.complete(read);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(read);
    }
  }
}
