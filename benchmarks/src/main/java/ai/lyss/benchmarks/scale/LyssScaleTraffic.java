package ai.lyss.benchmarks.scale;

import ai.lyss.metrics.LyssMetrics;
import ai.lyss.metrics.TokenUsage;
import ai.lyss.metrics.servlet.PrometheusServlet;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Lyss: a fresh {@code LyssMetrics.create()} (default settings, so the cardinality guard admits 100
 * tenants per metric), recorded through the public API only and scraped through {@link
 * PrometheusServlet}.
 */
final class LyssScaleTraffic implements ScaleTraffic {

  private final LyssMetrics metrics = LyssMetrics.create();
  private final PrometheusServlet servlet = PrometheusServlet.create(metrics);

  @Override
  public String name() {
    return "Lyss (guard on, defaults)";
  }

  @Override
  public void record(String tenant, int i) {
    metrics.http().record("GET", "/v1/chat/{id}", 200, tenant, 1_000_000L * (1 + i % 50));
    metrics.http().record("POST", "/v1/chat/completions", 200, tenant, 1_000_000L * (5 + i % 90));
    metrics
        .aiModels()
        .record(
            "openai",
            "gpt-4o",
            tenant,
            Duration.ofMillis(200 + i % 3000),
            true,
            TokenUsage.split(100 + i % 100, 200 + i % 50));
    metrics.business().trackUserLogin(tenant);
    metrics.business().trackConversationCreated(tenant);
    metrics.business().trackMessageSent(tenant, "user");
  }

  @Override
  public byte[] scrape() throws IOException {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/metrics");
    CapturingResponse response = new CapturingResponse(new MockHttpServletResponse());
    try {
      servlet.service(request, response);
    } catch (ServletException e) {
      throw new IOException(e);
    }
    return response.body();
  }

  @Override
  public void close() {
    metrics.registry().close();
  }
}
