package ai.lyss.spring.boot.internal;

import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.TracingAttributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Runs each {@code RestClient} call in a CLIENT span and injects the trace context ({@code
 * traceparent}, baggage, B3 when configured) into the request headers. {@code url.full} is recorded
 * without user info and query string, which may hold secrets; 4xx and 5xx mark the span as an
 * error.
 */
public final class RestClientTracingInterceptor implements ClientHttpRequestInterceptor {

  private static final TextMapSetter<HttpHeaders> SETTER =
      (headers, key, value) -> {
        if (headers != null) {
          headers.set(key, value);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  /**
   * Creates the interceptor.
   *
   * @param tracing where spans go
   */
  public RestClientTracingInterceptor(LyssTracing tracing) {
    this.tracer = tracing.tracer();
    this.propagator = tracing.getOpenTelemetry().getPropagators().getTextMapPropagator();
  }

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    String method = request.getMethod().name();
    URI uri = request.getURI();
    Span span =
        tracer
            .spanBuilder(method)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(TracingAttributes.HTTP_REQUEST_METHOD, method)
            .setAttribute(TracingAttributes.URL_FULL, safeUrl(uri))
            .startSpan();
    String host = uri.getHost();
    if (host != null) {
      span.setAttribute(TracingAttributes.SERVER_ADDRESS, host);
    }
    if (uri.getPort() > 0) {
      span.setAttribute(TracingAttributes.SERVER_PORT, (long) uri.getPort());
    }
    Scope scope = span.makeCurrent();
    try {
      propagator.inject(Context.current(), request.getHeaders(), SETTER);
      ClientHttpResponse response = execution.execute(request, body);
      int status = response.getStatusCode().value();
      span.setAttribute(TracingAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
      if (status >= 400) {
        span.setStatus(StatusCode.ERROR);
        span.setAttribute(TracingAttributes.ERROR_TYPE, Integer.toString(status));
      }
      return response;
    } catch (IOException | RuntimeException | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(TracingAttributes.ERROR_TYPE, e.getClass().getName());
      throw e;
    } finally {
      scope.close();
      span.end();
    }
  }

  private static String safeUrl(URI uri) {
    StringBuilder url = new StringBuilder();
    String scheme = uri.getScheme();
    if (scheme != null) {
      url.append(scheme.toLowerCase(Locale.ROOT)).append("://");
    }
    @Nullable String host = uri.getHost();
    if (host != null) {
      url.append(host);
    }
    if (uri.getPort() > 0) {
      url.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath();
    url.append(path == null || path.isEmpty() ? "/" : path);
    return url.toString();
  }
}
