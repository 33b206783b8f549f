package ai.lyss.spring.boot.internal;

import ai.lyss.logging.LogFields;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.util.ClassUtils;

/**
 * Keeps a failed request's {@code request_id}, {@code tenant_id}, {@code trace_id} and {@code
 * span_id} in the MDC while the container logs the exception (Tomcat's {@code Servlet.service() for
 * servlet [dispatcherServlet] ... threw exception}, written after the filter chain unwound, when
 * the Lyss filter has already restored the MDC) and renders its error page.
 *
 * <p>Three container-neutral Servlet parts: {@link #capture()}, a filter inside the Lyss filter,
 * copies the request's entries when the handler throws; {@link #restore()}, a filter outside it,
 * puts them back while the exception travels on to the container; the {@link #cleanup()} listener
 * puts back what was there before when the container destroys the request (after its error
 * handling). Nothing is restored unless that listener saw the request start, and never for an
 * asynchronous request (destroyed on another thread), so nothing leaks into the next request on the
 * thread.
 */
public final class ContainerErrorContext {

  private static final String[] KEYS = {
    LogFields.REQUEST_ID, LogFields.TENANT_ID, LogFields.TRACE_ID, LogFields.SPAN_ID
  };
  private static final String PREFIX = ContainerErrorContext.class.getName();
  private static final String TRACKED = PREFIX + ".tracked";
  private static final String CAPTURED = PREFIX + ".captured";
  private static final String REPLACED = PREFIX + ".replaced";

  private static final boolean OTEL_PRESENT =
      ClassUtils.isPresent(
          "io.opentelemetry.api.trace.Span", ContainerErrorContext.class.getClassLoader());

  private ContainerErrorContext() {}

  /** The filter that runs inside the Lyss filter and copies the entries of a failing request. */
  public static Filter capture() {
    return ContainerErrorContext::capture;
  }

  /** The filter that runs outside the Lyss filter and puts them back for the container. */
  public static Filter restore() {
    return ContainerErrorContext::restore;
  }

  /** The listener that removes them once the container is done with the request. */
  public static ServletRequestListener cleanup() {
    return new Cleanup();
  }

  private static void capture(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      if (request.getAttribute(TRACKED) != null) {
        Map<String, String> entries = new HashMap<>();
        for (String key : KEYS) {
          String value = MDC.get(key);
          if (value != null) {
            entries.put(key, value);
          }
        }
        if (!entries.containsKey(LogFields.TRACE_ID) && OTEL_PRESENT) {
          // The log lines take the span from OpenTelemetry when the MDC bridge is not installed.
          CurrentSpan.put(entries);
        }
        request.setAttribute(CAPTURED, entries);
      }
      throw e;
    }
  }

  private static void restore(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      if (request.getAttribute(CAPTURED) instanceof Map<?, ?> entries
          && request.getAttribute(REPLACED) == null
          && !request.isAsyncStarted()) {
        Map<String, @Nullable String> replaced = new HashMap<>();
        entries.forEach(
            (key, value) -> {
              replaced.put((String) key, MDC.get((String) key));
              MDC.put((String) key, (String) value);
            });
        request.setAttribute(REPLACED, replaced);
      }
      throw e;
    }
  }

  /** Loaded only when the OpenTelemetry API is present. */
  private static final class CurrentSpan {
    static void put(Map<String, String> entries) {
      SpanContext span = Span.current().getSpanContext();
      if (span.isValid()) {
        entries.put(LogFields.TRACE_ID, span.getTraceId());
        entries.put(LogFields.SPAN_ID, span.getSpanId());
      }
    }
  }

  /** Marks each request as tracked when it starts; undoes {@link #restore()} when it ends. */
  private static final class Cleanup implements ServletRequestListener {

    @Override
    public void requestInitialized(ServletRequestEvent event) {
      event.getServletRequest().setAttribute(TRACKED, Boolean.TRUE);
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
      if (event.getServletRequest().getAttribute(REPLACED) instanceof Map<?, ?> replaced) {
        replaced.forEach(
            (key, previous) -> {
              if (previous == null) {
                MDC.remove((String) key);
              } else {
                MDC.put((String) key, (String) previous);
              }
            });
      }
    }
  }
}
