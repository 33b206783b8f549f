package ai.lyss.metrics.servlet;

import static java.util.Objects.requireNonNull;

import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.internal.Exposition;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Serves {@code /metrics} in a servlet container: the Prometheus text format, or OpenMetrics when
 * the {@code Accept} header asks for it.
 *
 * <pre>{@code
 * context.addServlet(new ServletHolder(PrometheusServlet.create(metrics)), "/metrics");
 * }</pre>
 */
public final class PrometheusServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient Exposition exposition;

  private PrometheusServlet(Exposition exposition) {
    this.exposition = exposition;
  }

  /**
   * Creates the servlet.
   *
   * @param metrics the metrics to expose
   * @throws IllegalStateException when the metrics' registry holds no PrometheusMeterRegistry
   */
  public static PrometheusServlet create(LyssMetrics metrics) {
    return new PrometheusServlet(Exposition.of(requireNonNull(metrics, "metrics").registry()));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String contentType = Exposition.contentTypeFor(request.getHeader("Accept"));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
    exposition.write(buffer, contentType);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(contentType);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(buffer.size());
    buffer.writeTo(response.getOutputStream());
  }
}
