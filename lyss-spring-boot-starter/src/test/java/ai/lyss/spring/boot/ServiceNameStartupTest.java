package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.lyss.spring.boot.autoconfigure.LyssServiceAutoConfiguration;
import ai.lyss.spring.boot.autoconfigure.LyssTracingAutoConfiguration;
import ai.lyss.tracing.LyssTracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A service that names itself nowhere still starts, says so once, and traces as OTel would. */
@ExtendWith(OutputCaptureExtension.class)
class ServiceNameStartupTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  LyssServiceAutoConfiguration.class, LyssTracingAutoConfiguration.class))
          .withPropertyValues(
              "lyss.tracing.otlp-export=false", "lyss.tracing.register-global=false")
          .withBean(
              LyssTracingBuilderCustomizer.class,
              () -> builder -> builder.addSpanProcessor(SimpleSpanProcessor.create(spans)));

  @Test
  void noServiceNameStartsWithOneWarningAndOpenTelemetrysUnknownName(CapturedOutput output) {
    assumeThat(System.getenv("OTEL_SERVICE_NAME")).as("OTEL_SERVICE_NAME is set here").isNull();
    assumeThat(System.getenv("LYSS_SERVICE_NAME")).as("LYSS_SERVICE_NAME is set here").isNull();
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          context.getBean(LyssTracing.class).tracer().spanBuilder("op").startSpan().end();

          assertThat(spans.getFinishedSpanItems())
              .singleElement()
              .satisfies(
                  span ->
                      assertThat(
                              span.getResource()
                                  .getAttribute(AttributeKey.stringKey("service.name")))
                          .isEqualTo("unknown_service:java"));
        });

    assertThat(output.getOut().lines().filter(l -> l.contains("No service name configured")))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("WARN"));
  }

  @Test
  void aNamedServiceSaysWhereItsNameCameFrom(CapturedOutput output) {
    runner
        .withPropertyValues("spring.application.name=model-router")
        .run(context -> assertThat(context).hasNotFailed());

    assertThat(
            output
                .getOut()
                .lines()
                .filter(
                    l -> l.contains("Service name 'model-router' from spring.application.name")))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("INFO"));
  }
}
