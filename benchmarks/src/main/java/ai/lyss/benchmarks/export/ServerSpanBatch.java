package ai.lyss.benchmarks.export;

import ai.lyss.tracing.TracingAttributes;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch of HTTP SERVER spans shaped like the ones lyss-tracing records for a gateway: the
 * attributes of {@code HttpServerSpans} (method, path, scheme, route, status, server and client
 * address, user agent, protocol version), a service resource, a mix of routes, tenants' ids in the
 * paths and a few 4xx/5xx.
 */
final class ServerSpanBatch {

  private static final String[][] ROUTES = {
    {"POST", "/v1/chat/completions", "/v1/chat/completions"},
    {"GET", "/v1/conversations/{id}", "/v1/conversations/c-%06d"},
    {"POST", "/v1/conversations/{id}/messages", "/v1/conversations/c-%06d/messages"},
    {"GET", "/health/ready", "/health/ready"},
  };

  private static final String[] AGENTS = {
    "python-requests/2.32.3",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    "openai-python/1.55.0",
    "kube-probe/1.31",
  };

  private ServerSpanBatch() {}

  /** {@code size} finished server spans. */
  static List<SpanData> of(int size) {
    List<SpanData> spans = new ArrayList<>(size);
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.of(
                        TracingAttributes.SERVICE_NAME, "api-gateway",
                        TracingAttributes.SERVICE_VERSION, "1.4.2",
                        TracingAttributes.DEPLOYMENT_ENVIRONMENT_NAME, "production")));
    try (SdkTracerProvider provider = SdkTracerProvider.builder().setResource(resource).build()) {
      Tracer tracer = provider.get("ai.lyss.tracing");
      for (int i = 0; i < size; i++) {
        String[] route = ROUTES[i % ROUTES.length];
        int status = i % 50 == 7 ? 500 : i % 20 == 3 ? 404 : 200;
        Span span =
            tracer
                .spanBuilder(route[0] + " " + route[1])
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(TracingAttributes.HTTP_REQUEST_METHOD, route[0])
                .setAttribute(TracingAttributes.URL_PATH, String.format(route[2], 100_000 + i))
                .setAttribute(TracingAttributes.URL_SCHEME, "http")
                .setAttribute(TracingAttributes.SERVER_ADDRESS, "api-gateway.lyss.svc")
                .setAttribute(TracingAttributes.SERVER_PORT, 8000L)
                .setAttribute(TracingAttributes.CLIENT_ADDRESS, "10.42." + (i % 7) + "." + i % 251)
                .setAttribute(TracingAttributes.USER_AGENT_ORIGINAL, AGENTS[i % AGENTS.length])
                .setAttribute(TracingAttributes.NETWORK_PROTOCOL_VERSION, "1.1")
                .startSpan();
        span.setAttribute(TracingAttributes.HTTP_ROUTE, route[1]);
        span.setAttribute(TracingAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
        if (status >= 500) {
          span.setAttribute(TracingAttributes.ERROR_TYPE, Integer.toString(status));
          span.setStatus(StatusCode.ERROR);
        }
        span.end();
        spans.add(((ReadableSpan) span).toSpanData());
      }
    }
    return List.copyOf(spans);
  }
}
