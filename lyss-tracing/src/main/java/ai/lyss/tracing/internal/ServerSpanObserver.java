package ai.lyss.tracing.internal;

import ai.lyss.core.http.HttpObservation;
import ai.lyss.core.http.HttpObserver;
import ai.lyss.core.http.ObservedRequest;
import ai.lyss.core.http.Outcome;
import ai.lyss.tracing.TracingAttributes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;

/**
 * lyss-tracing's part of the request pipeline: a SERVER span per request, current while the handler
 * (and the later pipeline stages) run, ended once with the outcome the pipeline decided.
 * Client-caused outcomes (4xx, 499) are not span errors.
 */
public final class ServerSpanObserver implements HttpObserver {

  private final HttpServerSpans spans;

  /**
   * An observer creating spans with an OpenTelemetry instance.
   *
   * @param openTelemetry where spans go
   */
  public ServerSpanObserver(OpenTelemetry openTelemetry) {
    this.spans = new HttpServerSpans(openTelemetry);
  }

  @Override
  public Stage stage() {
    return Stage.CONTEXT;
  }

  @Override
  public HttpObservation start(ObservedRequest request) {
    Span span =
        spans.start(
            request,
            request.scheme(),
            request.serverAddress(),
            request.serverPort(),
            request.peerAddress(),
            request.protocol());
    return new Observation(span);
  }

  /** One request's span and, while it is current on a thread, its scope. */
  private static final class Observation implements HttpObservation {
    private final Span span;
    private @Nullable Scope scope;

    Observation(Span span) {
      this.span = span;
      this.scope = span.makeCurrent();
    }

    @Override
    public void enter() {
      scope = span.makeCurrent();
    }

    @Override
    public void exit() {
      Scope current = scope;
      scope = null;
      if (current != null) {
        current.close();
      }
    }

    @Override
    public void end(ObservedRequest request) {
      long firstChunk = request.timeToFirstChunkNanos();
      if (firstChunk >= 0) {
        span.setAttribute(TracingAttributes.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK, firstChunk / 1e9);
      }
      Throwable error = request.outcome() == Outcome.FAILED ? request.error() : null;
      HttpServerSpans.end(span, request, request.status(), error);
    }
  }
}
