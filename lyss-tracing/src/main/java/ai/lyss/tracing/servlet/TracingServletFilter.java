package ai.lyss.tracing.servlet;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.servlet.ServletRequestView;
import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.internal.HttpServerSpans;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A Servlet filter that runs each request in a SERVER span: the caller's trace context is
 * extracted, the span is named {@code METHOD route} (the {@code ai.lyss.route} request attribute
 * when a framework set it, else the path with ids collapsed), and 5xx responses are errors. Async
 * requests end their span when the async cycle completes.
 */
public final class TracingServletFilter implements Filter {

  private final HttpServerSpans spans;

  /**
   * A filter for a running {@link LyssTracing}.
   *
   * @param tracing where spans go
   */
  public TracingServletFilter(LyssTracing tracing) {
    this(requireNonNull(tracing, "tracing").getOpenTelemetry());
  }

  /**
   * A filter for any OpenTelemetry instance.
   *
   * @param openTelemetry where spans go
   */
  public TracingServletFilter(OpenTelemetry openTelemetry) {
    this.spans = new HttpServerSpans(openTelemetry);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    ServletRequestView view = ServletRequestView.of(request);
    Span span =
        spans.start(
            view,
            request.getScheme(),
            request.getServerName(),
            request.getLocalPort(),
            request.getRemoteAddr(),
            request.getProtocol());
    Throwable error = null;
    Scope scope = span.makeCurrent();
    try {
      chain.doFilter(req, res);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      error = e;
      throw e;
    } finally {
      scope.close();
      if (error == null && request.isAsyncStarted()) {
        endOnAsyncComplete(span, view, request, response);
      } else {
        int status = error != null && !response.isCommitted() ? 500 : response.getStatus();
        HttpServerSpans.end(span, view, status, error);
      }
    }
  }

  private static void endOnAsyncComplete(
      Span span,
      ServletRequestView view,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      request
          .getAsyncContext()
          .addListener(
              new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                  HttpServerSpans.end(span, view, response.getStatus(), null);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                  HttpServerSpans.end(span, view, 503, event.getThrowable());
                }

                @Override
                public void onError(AsyncEvent event) {
                  HttpServerSpans.end(span, view, 500, event.getThrowable());
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                  event.getAsyncContext().addListener(this);
                }
              });
    } catch (IllegalStateException e) {
      HttpServerSpans.end(span, view, response.getStatus(), null);
    }
  }
}
