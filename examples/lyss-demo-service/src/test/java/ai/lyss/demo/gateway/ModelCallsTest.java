package ai.lyss.demo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.metrics.LyssMetrics;
import ai.lyss.tracing.GenAiSpans;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelCallsTest {

  private static final ModelCatalog.Model MODEL = ModelCatalog.find("gpt-4o-mini").orElseThrow();
  private static final List<ChatMessage> PROMPT = List.of(new ChatMessage("user", "Hello"));

  private final LogEvents log = new LogEvents(ModelCalls.class);
  private final ModelCalls calls =
      new ModelCalls(
          new SimulatedModelProvider(0, 0, 1L),
          LyssMetrics.create().aiModels(),
          GenAiSpans.create(OpenTelemetry.noop().getTracer("test")),
          new ProviderHealth());

  @AfterEach
  void tearDown() {
    log.close();
  }

  @Test
  void providerFailureLogsOneWarningWithProviderModelAndErrorType() {
    assertThatThrownBy(() -> calls.call("t-1", MODEL, PROMPT, 0, true))
        .isInstanceOf(ProviderException.class);

    assertThat(log.events).hasSize(1);
    ILoggingEvent event = log.events.get(0);
    assertThat(event.getLevel()).isEqualTo(Level.WARN);
    assertThat(event.getFormattedMessage()).isEqualTo("AI provider call failed");
    assertThat(LogEvents.fields(event))
        .containsEntry("provider", MODEL.provider())
        .containsEntry("model", MODEL.name())
        .containsKey("error_type");
  }

  @Test
  void successfulCallLogsNothing() {
    calls.call("t-1", MODEL, PROMPT, 0, false);

    assertThat(log.events).isEmpty();
  }
}
