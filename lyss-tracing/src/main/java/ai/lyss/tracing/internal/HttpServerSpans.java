package ai.lyss.tracing.internal;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.LabelValues;
import ai.lyss.core.Redactor;
import ai.lyss.core.RequestView;
import ai.lyss.core.RouteTemplates;
import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.TracingAttributes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SERVER spans for any HTTP server, written once for the Servlet and JDK adapters: extracts the
 * caller's context, names the span {@code METHOD route}, sets the HTTP semantic-convention
 * attributes, and marks 5xx responses as errors.
 */
public final class HttpServerSpans {

  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  private static final TextMapGetter<RequestView> GETTER =
      new TextMapGetter<>() {
        // Abstract before OpenTelemetry 1.5x (Spring Boot 3.5 and 4.0 manage 1.49 and 1.55);
        // empty, like the later default: the request view does not list header names. Deprecated
        // from 1.6x on, where the default does the same.
        @Override
        @SuppressWarnings("deprecation")
        public Iterable<String> keys(RequestView carrier) {
          return List.of();
        }

        @Override
        public @Nullable String get(@Nullable RequestView carrier, String key) {
          return carrier == null ? null : carrier.header(key);
        }
      };

  /** Client text (path, user agent) is masked before it becomes a span attribute or name. */
  private static final Redactor REDACTOR = Redactor.defaults();

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  /**
   * Spans created with an OpenTelemetry instance's tracer and propagators.
   *
   * @param openTelemetry the instance
   */
  public HttpServerSpans(OpenTelemetry openTelemetry) {
    requireNonNull(openTelemetry, "openTelemetry");
    this.tracer = openTelemetry.getTracer(LyssTracing.INSTRUMENTATION_NAME);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /**
   * Starts the span of a request, child of the context the caller sent.
   *
   * @param request the request
   * @param scheme {@code http} or {@code https}
   * @param serverAddress the host the request was addressed to, or {@code null}
   * @param serverPort the local port, or -1
   * @param clientAddress the peer address, or {@code null}
   * @param protocol for example {@code HTTP/1.1}, or {@code null}
   */
  public Span start(
      RequestView request,
      String scheme,
      @Nullable String serverAddress,
      int serverPort,
      @Nullable String clientAddress,
      @Nullable String protocol) {
    Context parent = propagator.extract(Context.root(), request, GETTER);
    String method = method(request.method());
    var builder =
        tracer
            .spanBuilder(method)
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute(TracingAttributes.HTTP_REQUEST_METHOD, method)
            .setAttribute(
                TracingAttributes.URL_PATH,
                LabelValues.sanitize(REDACTOR.redact(request.path()), 1024))
            .setAttribute(TracingAttributes.URL_SCHEME, scheme);
    if (serverAddress != null) {
      builder.setAttribute(TracingAttributes.SERVER_ADDRESS, serverAddress);
    }
    if (serverPort > 0) {
      builder.setAttribute(TracingAttributes.SERVER_PORT, (long) serverPort);
    }
    if (clientAddress != null) {
      builder.setAttribute(TracingAttributes.CLIENT_ADDRESS, clientAddress);
    }
    String agent = request.header("User-Agent");
    if (agent != null) {
      builder.setAttribute(
          TracingAttributes.USER_AGENT_ORIGINAL, LabelValues.sanitize(REDACTOR.redact(agent), 512));
    }
    if (protocol != null && protocol.startsWith("HTTP/")) {
      builder.setAttribute(TracingAttributes.NETWORK_PROTOCOL_VERSION, protocol.substring(5));
    }
    return builder.startSpan();
  }

  /**
   * Ends the span of a request: route, status, error marking. Never throws.
   *
   * @param span the span from {@link #start}
   * @param request the request (read again: the route attribute is set while handling)
   * @param status the response status, or a value below 100 when none was sent
   * @param error what the handler threw, or {@code null}
   */
  public static void end(Span span, RequestView request, int status, @Nullable Throwable error) {
    try {
      String method = method(request.method());
      Object route = request.attribute(RouteTemplates.ROUTE_ATTRIBUTE);
      if (route instanceof String template && !template.isBlank()) {
        span.setAttribute(TracingAttributes.HTTP_ROUTE, template);
        span.updateName(method + " " + template);
      } else if (status == 404) {
        // Nothing matched: naming the span after a scanner's random path would make span names
        // unbounded, so it is the method alone (as the HTTP semantic conventions say).
        span.updateName(method);
      } else {
        span.updateName(method + " " + RouteTemplates.collapseIds(REDACTOR.redact(request.path())));
      }
      if (status >= 100) {
        span.setAttribute(TracingAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
      }
      if (error != null) {
        SpanErrors.record(span, error);
      } else if (status >= 500) {
        span.setAttribute(TracingAttributes.ERROR_TYPE, Integer.toString(status));
        span.setStatus(StatusCode.ERROR);
      }
    } catch (RuntimeException ignored) {
      // the response matters more than its span
    } finally {
      span.end();
    }
  }

  private static String method(@Nullable String raw) {
    if (raw == null) {
      return "_OTHER";
    }
    String upper = raw.toUpperCase(Locale.ROOT);
    return KNOWN_METHODS.contains(upper) ? upper : "_OTHER";
  }
}
