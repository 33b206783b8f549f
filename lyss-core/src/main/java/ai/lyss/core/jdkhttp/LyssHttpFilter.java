package ai.lyss.core.jdkhttp;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.LyssHeaders;
import ai.lyss.core.http.ActiveRequest;
import ai.lyss.core.http.HttpPipeline;
import ai.lyss.core.internal.CountingOutputStream;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one Lyss filter of a JDK {@code com.sun.net.httpserver} context, like {@code
 * ai.lyss.core.servlet.LyssServletFilter}: one observed request per exchange, the {@code
 * X-Request-ID} response header, one counting response stream, and the {@link HttpPipeline}'s
 * observers driven in order.
 *
 * <pre>{@code
 * server.createContext("/v1/", handler).getFilters().add(new LyssHttpFilter(pipeline));
 * }</pre>
 *
 * <p>The exchange passed down the chain keeps its attributes to itself ({@link ScopedExchange}): on
 * JDK 17 the server's own exchange attributes are shared by the whole context, so a route template
 * set by one request would label the next.
 */
public final class LyssHttpFilter extends Filter {

  private static final byte[] TENANT_REJECTED =
      ("Bad Request: " + LyssHeaders.TENANT_ID + " names no tenant\n")
          .getBytes(StandardCharsets.UTF_8);

  private final HttpPipeline pipeline;

  /**
   * A filter driving a pipeline.
   *
   * @param pipeline the observers and rules
   */
  public LyssHttpFilter(HttpPipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
  }

  @Override
  public void doFilter(HttpExchange original, Chain chain) throws IOException {
    HttpExchange exchange = ScopedExchange.wrap(original);
    ActiveRequest active = pipeline.begin(new ExchangeObservedRequest(exchange));
    CountingOutputStream body = new CountingOutputStream(exchange.getResponseBody());
    Throwable failure = null;
    try {
      exchange.getResponseHeaders().set(LyssHeaders.REQUEST_ID, active.request().requestId());
      exchange.setStreams(null, body);
      if (active.tenantRejected()) {
        exchange.sendResponseHeaders(400, TENANT_REJECTED.length);
        body.write(TENANT_REJECTED);
        body.close();
      } else {
        chain.doFilter(exchange);
      }
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      try {
        int sent = exchange.getResponseCode();
        if (failure == null) {
          active.complete(sent, body.writeFailed(), body.count());
        } else {
          active.fail(failure, sent, body.writeFailed(), body.count());
        }
      } finally {
        active.exit();
      }
    }
  }

  @Override
  public String description() {
    return "Lyss request pipeline " + pipeline;
  }
}
