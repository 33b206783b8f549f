package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.RequiredTools;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PromtoolCheckTest {

  @Test
  void promtoolFindsNoProblemInARealScrape() throws Exception {
    Path promtool = RequiredTools.binary("promtool", "prometheus");
    LyssMetrics metrics = LyssMetrics.builder().maxTenantsPerMetric(2).build();
    metrics.http().record("GET", "/v1/conversations/{id}", 200, "acme", 2_000_000L);
    metrics.http().record("POST", "/v1/chat/completions", 429, "globex", 9_000_000L);
    metrics.http().record("POST", "/v1/chat/completions", 502, "third-overflows", 9_000_000L);
    metrics
        .aiModels()
        .record("openai", "gpt-4o", "acme", Duration.ofSeconds(2), true, TokenUsage.split(5, 7));
    metrics
        .aiModels()
        .record("anthropic", "claude", "acme", Duration.ofSeconds(1), false, TokenUsage.total(3));
    metrics.business().trackUserLogin("acme");
    metrics.business().trackConversationCreated("acme");
    metrics.business().trackMessageSent("acme", "user");
    metrics.business().trackRevenue("acme", "pro", 9.99);
    metrics.business().setActiveConnections("postgres", "acme", 4);

    Process process =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    process.getInputStream().transferTo(output);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(process.exitValue()).isZero();
  }
}
