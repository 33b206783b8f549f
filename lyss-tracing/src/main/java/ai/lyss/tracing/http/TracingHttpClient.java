package ai.lyss.tracing.http;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.Redactor;
import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.TracingAttributes;
import ai.lyss.tracing.internal.HttpClientLifecycle;
import ai.lyss.tracing.internal.SpanErrors;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;

/**
 * A {@link HttpClient} that runs every call in a CLIENT span and injects the trace context into the
 * request headers, so the called service continues the trace. Use it wherever an {@code HttpClient}
 * is expected: {@code HttpClient client = TracingHttpClient.wrap(HttpClient.newHttpClient(),
 * tracing);}
 *
 * <p>{@code url.full} is recorded without user info and query string (they may hold secrets).
 * Responses with status 400 or more mark the span as an error. WebSockets are built by the wrapped
 * client, untraced. On JDK 21 and later, {@code close()}, {@code shutdown()}, {@code
 * shutdownNow()}, {@code awaitTermination(Duration)} and {@code isTerminated()} act on the wrapped
 * client; on JDK 17, which has no such methods on {@code HttpClient}, they do nothing.
 */
public final class TracingHttpClient extends HttpClient implements AutoCloseable {

  private static final Redactor REDACTOR = Redactor.defaults();

  private final HttpClient delegate;
  private final Tracer tracer;
  private final TextMapPropagator propagator;

  private TracingHttpClient(HttpClient delegate, OpenTelemetry openTelemetry) {
    this.delegate = delegate;
    this.tracer = openTelemetry.getTracer(LyssTracing.INSTRUMENTATION_NAME);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /**
   * Wraps a client.
   *
   * @param client the client doing the calls
   * @param tracing where spans go
   */
  public static TracingHttpClient wrap(HttpClient client, LyssTracing tracing) {
    return wrap(client, requireNonNull(tracing, "tracing").getOpenTelemetry());
  }

  /**
   * Wraps a client.
   *
   * @param client the client doing the calls
   * @param openTelemetry where spans go
   */
  public static TracingHttpClient wrap(HttpClient client, OpenTelemetry openTelemetry) {
    return new TracingHttpClient(
        requireNonNull(client, "client"), requireNonNull(openTelemetry, "openTelemetry"));
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    Span span = start(request);
    try {
      HttpResponse<T> response = delegate.send(inject(request, span), handler);
      end(span, response.statusCode(), null);
      return response;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      end(span, -1, e);
      throw e;
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return sendAsync(request, handler, null);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.@Nullable PushPromiseHandler<T> pushPromiseHandler) {
    Span span = start(request);
    CompletableFuture<HttpResponse<T>> future;
    try {
      future = delegate.sendAsync(inject(request, span), handler, pushPromiseHandler);
    } catch (RuntimeException | Error e) {
      end(span, -1, e);
      throw e;
    }
    future.whenComplete(
        (response, error) -> end(span, response == null ? -1 : response.statusCode(), error));
    return future;
  }

  private Span start(HttpRequest request) {
    URI uri = request.uri();
    var builder =
        tracer
            .spanBuilder(request.method())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(TracingAttributes.HTTP_REQUEST_METHOD, request.method())
            .setAttribute(TracingAttributes.URL_FULL, REDACTOR.redact(safeUrl(uri)));
    if (uri.getHost() != null) {
      builder.setAttribute(TracingAttributes.SERVER_ADDRESS, uri.getHost());
    }
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    builder.setAttribute(TracingAttributes.SERVER_PORT, (long) port);
    return builder.startSpan();
  }

  private HttpRequest inject(HttpRequest request, Span span) {
    HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
    propagator.inject(Context.current().with(span), copy, HttpRequest.Builder::setHeader);
    return copy.build();
  }

  private static void end(Span span, int status, @Nullable Throwable error) {
    try {
      if (status > 0) {
        span.setAttribute(TracingAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
      }
      if (error != null) {
        SpanErrors.record(span, error);
      } else if (status >= 400) {
        span.setAttribute(TracingAttributes.ERROR_TYPE, Integer.toString(status));
        span.setStatus(StatusCode.ERROR);
      }
    } finally {
      span.end();
    }
  }

  private static String safeUrl(URI uri) {
    StringBuilder out = new StringBuilder();
    if (uri.getScheme() != null) {
      out.append(uri.getScheme()).append("://");
    }
    if (uri.getHost() != null) {
      out.append(uri.getHost());
    }
    if (uri.getPort() > 0) {
      out.append(':').append(uri.getPort());
    }
    if (uri.getRawPath() != null) {
      out.append(uri.getRawPath());
    }
    return out.toString();
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  // The five methods below override HttpClient's on JDK 21+ (same signatures; no @Override since
  // this class compiles for 17, where they do not exist).

  /** Starts an orderly shutdown of the wrapped client (JDK 21+; nothing on 17). */
  public void shutdown() {
    HttpClientLifecycle.JDK.shutdown(delegate);
  }

  /** Shuts the wrapped client down at once (JDK 21+; nothing on 17). */
  public void shutdownNow() {
    HttpClientLifecycle.JDK.shutdownNow(delegate);
  }

  /**
   * Waits for the wrapped client to terminate (JDK 21+; {@code false} at once on 17).
   *
   * @param duration the longest wait
   * @return whether the client terminated
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    return HttpClientLifecycle.JDK.awaitTermination(delegate, requireNonNull(duration, "duration"));
  }

  /** Whether the wrapped client has terminated (JDK 21+; always {@code false} on 17). */
  public boolean isTerminated() {
    return HttpClientLifecycle.JDK.isTerminated(delegate);
  }

  /** Closes the wrapped client, waiting for its exchanges to finish (JDK 21+; nothing on 17). */
  @Override
  public void close() {
    HttpClientLifecycle.JDK.close(delegate);
  }

  @Override
  public String toString() {
    return "TracingHttpClient{" + delegate + "}";
  }
}
