package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.RouteTemplates;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.jdkhttp.LyssHttpFilter;
import ai.lyss.testing.Poll;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkHttpServerSpanTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_ID = "00f067aa0ba902b7";

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final LyssTracing tracing =
      TestTracing.builder(spans)
          .propagators(
              PropagationFormat.TRACECONTEXT, PropagationFormat.BAGGAGE, PropagationFormat.B3)
          .build();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server
        .createContext(
            "/",
            exchange -> {
              String path = exchange.getRequestURI().getPath();
              if (path.startsWith("/v1/sessions/")) {
                exchange.setAttribute(RouteTemplates.ROUTE_ATTRIBUTE, "/v1/sessions/{id}");
              }
              if (path.equals("/boom")) {
                exchange.close();
                throw new IllegalStateException("handler bug");
              }
              int status = path.equals("/unavailable") ? 503 : path.equals("/missing") ? 404 : 200;
              exchange.sendResponseHeaders(status, -1);
              exchange.close();
            })
        .getFilters()
        .add(new LyssHttpFilter(HttpPipeline.builder().observer(tracing.httpObserver()).build()));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    tracing.close();
  }

  private SpanData call(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (java.io.IOException expectedForBrokenHandler) {
      // the /boom handler closes the exchange without a response
    }
    Poll.until("server span", () -> !spans.getFinishedSpanItems().isEmpty());
    return spans.getFinishedSpanItems().get(0);
  }

  @Test
  void w3cTraceparentIsContinued() throws Exception {
    SpanData span = call("/v1/models", "traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-01");
    assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(span.getParentSpanId()).isEqualTo(PARENT_ID);
    assertThat(span.getParentSpanContext().isRemote()).isTrue();
  }

  @Test
  void b3SingleHeaderIsContinued() throws Exception {
    SpanData span = call("/v1/models", "b3", TRACE_ID + "-" + PARENT_ID + "-1");
    assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(span.getParentSpanId()).isEqualTo(PARENT_ID);
  }

  @Test
  void b3MultiHeadersAreContinued() throws Exception {
    SpanData span =
        call("/v1/models", "X-B3-TraceId", TRACE_ID, "X-B3-SpanId", PARENT_ID, "X-B3-Sampled", "1");
    assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(span.getParentSpanId()).isEqualTo(PARENT_ID);
  }

  @Test
  void requestWithoutContextStartsANewTrace() throws Exception {
    SpanData span = call("/v1/models");
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(span.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.SERVER);
  }

  @Test
  void malformedTraceparentStartsANewTraceInsteadOfFailing() throws Exception {
    SpanData span = call("/v1/models", "traceparent", "00-zzzz-not-valid\u00e9");
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(span.getAttributes().get(TracingAttributes.HTTP_RESPONSE_STATUS_CODE))
        .isEqualTo(200L);
  }

  @Test
  void spanIsNamedByTheRouteTemplateAndCarriesIt() throws Exception {
    SpanData span = call("/v1/sessions/8f14e45fceea167a5a36dedd4bea2543");
    assertThat(span.getName()).isEqualTo("GET /v1/sessions/{id}");
    assertThat(span.getAttributes().get(TracingAttributes.HTTP_ROUTE))
        .isEqualTo("/v1/sessions/{id}");
    assertThat(span.getAttributes().get(TracingAttributes.URL_PATH))
        .isEqualTo("/v1/sessions/8f14e45fceea167a5a36dedd4bea2543");
  }

  @Test
  void withoutARouteTheNameUsesThePathWithIdsCollapsed() throws Exception {
    SpanData span = call("/v1/conversations/123456");
    assertThat(span.getName()).isEqualTo("GET /v1/conversations/{id}");
    assertThat(span.getAttributes().get(TracingAttributes.HTTP_ROUTE)).isNull();
  }

  @Test
  void unmatchedPathIsNamedByTheMethodAlone() throws Exception {
    SpanData span = call("/missing");
    assertThat(span.getName()).isEqualTo("GET");
    assertThat(span.getAttributes().get(TracingAttributes.URL_PATH)).isEqualTo("/missing");
  }

  @Test
  void routeOfOneRequestDoesNotNameTheNext() throws Exception {
    call("/v1/sessions/8f14e45fceea167a5a36dedd4bea2543");
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/models/42"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    Poll.until("second span", () -> spans.getFinishedSpanItems().size() == 2);

    assertThat(spans.getFinishedSpanItems().get(1).getName()).isEqualTo("GET /v1/models/{id}");
  }

  @Test
  void serverErrorMarksTheSpanFailed() throws Exception {
    SpanData span = call("/unavailable");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(TracingAttributes.ERROR_TYPE)).isEqualTo("503");
    assertThat(span.getAttributes().get(TracingAttributes.HTTP_RESPONSE_STATUS_CODE))
        .isEqualTo(503L);
  }

  @Test
  void clientErrorIsNotAServerError() throws Exception {
    SpanData span = call("/missing");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().get(TracingAttributes.HTTP_RESPONSE_STATUS_CODE))
        .isEqualTo(404L);
  }

  @Test
  void handlerExceptionIsRecordedOnTheSpan() throws Exception {
    SpanData span = call("/boom");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(TracingAttributes.ERROR_TYPE))
        .isEqualTo("java.lang.IllegalStateException");
  }
}
