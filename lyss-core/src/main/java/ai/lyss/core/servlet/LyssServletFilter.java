package ai.lyss.core.servlet;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.LyssHeaders;
import ai.lyss.core.http.ActiveRequest;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.http.ObservedRequest;
import ai.lyss.core.http.Outcome;
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
import org.jspecify.annotations.Nullable;

/**
 * The one Lyss filter of a Servlet application: builds one {@link ObservedRequest} per request,
 * sets the {@code X-Request-ID} response header, wraps the response once (to count body bytes and
 * notice a client that went away) and drives the {@link HttpPipeline}'s observers - spans, request
 * log lines and metrics, whichever the service links in. Asynchronous requests end when the async
 * cycle completes; every request ends exactly once.
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(new LyssServletFilter(pipeline)), "/*",
 *     EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 *
 * <p>A request naming a reserved or empty tenant is answered 400 before the handler runs (see
 * {@link HttpPipeline.Builder#rejectReservedTenants}).
 */
public final class LyssServletFilter implements Filter {

  private final HttpPipeline pipeline;

  /**
   * A filter driving a pipeline.
   *
   * @param pipeline the observers and rules
   */
  public LyssServletFilter(HttpPipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    ActiveRequest active = pipeline.begin(new ServletObservedRequest(request));
    CountingResponse counting = new CountingResponse(response);
    Throwable failure = null;
    try {
      response.setHeader(LyssHeaders.REQUEST_ID, active.request().requestId());
      if (active.tenantRejected()) {
        rejectTenant(counting);
      } else {
        chain.doFilter(request, counting);
      }
    } catch (IOException | ServletException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      if (failure == null && request.isAsyncStarted()) {
        active.exit();
        endOnAsyncComplete(active, request, counting);
      } else {
        end(active, counting, failure);
        active.exit();
      }
    }
  }

  private static void rejectTenant(HttpServletResponse response) throws IOException {
    response.setStatus(400);
    response.setContentType("text/plain;charset=utf-8");
    response.getWriter().write("Bad Request: " + LyssHeaders.TENANT_ID + " names no tenant\n");
  }

  private static void end(
      ActiveRequest active, CountingResponse response, @Nullable Throwable failure) {
    try {
      if (failure == null) {
        active.complete(response.getStatus(), response.writeFailed(), response.bytesWritten());
      } else {
        int sent = response.isCommitted() ? response.getStatus() : -1;
        active.fail(unwrap(failure), sent, response.writeFailed(), response.bytesWritten());
      }
    } catch (RuntimeException e) {
      active.end(Outcome.FAILED, 500, e, -1);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    if (failure instanceof ServletException servlet && servlet.getRootCause() != null) {
      return servlet.getRootCause();
    }
    return failure;
  }

  private static void endOnAsyncComplete(
      ActiveRequest active, HttpServletRequest request, CountingResponse response) {
    try {
      request.getAsyncContext().addListener(new Completion(active, response));
    } catch (IllegalStateException e) {
      // The async cycle already completed on another thread.
      active.enter();
      try {
        end(active, response, null);
      } finally {
        active.exit();
      }
    }
  }

  /** Ends an asynchronous request once, on the thread that completes it. */
  private static final class Completion implements AsyncListener {
    private final ActiveRequest active;
    private final CountingResponse response;
    private volatile @Nullable Throwable failure;

    Completion(ActiveRequest active, CountingResponse response) {
      this.active = active;
      this.response = response;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      active.enter();
      try {
        end(active, response, failure);
      } finally {
        active.exit();
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      // onComplete follows (the container completes a timed-out request) and ends it once.
    }

    @Override
    public void onError(AsyncEvent event) {
      Throwable error = event.getThrowable();
      failure = error != null ? error : new IllegalStateException("async request failed");
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }
  }
}
