package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.tracing.LyssTracing;
import org.junit.jupiter.api.Test;

/** {@code lyss.tracing.*} and {@code OTEL_*} settings reach the {@link LyssTracing}. */
class TracingPropertiesTest {

  @Test
  void otelServiceNameFromTheEnvironmentWinsOverTheApplicationName() {
    Runners.web()
        .withPropertyValues("OTEL_SERVICE_NAME=from-otel")
        .run(
            context ->
                assertThat(context.getBean(LyssTracing.class).toString())
                    .contains("service=from-otel"));
  }

  @Test
  void lyssServiceNameWinsOverTheApplicationName() {
    Runners.web()
        .withPropertyValues("lyss.service.name=gateway")
        .run(
            context ->
                assertThat(context.getBean(LyssTracing.class).toString())
                    .contains("service=gateway"));
  }

  @Test
  void propagatorsAndSamplingComeFromTheProperties() {
    Runners.web()
        .withPropertyValues(
            "lyss.tracing.propagators=tracecontext,b3", "lyss.tracing.sampling-ratio=0.25")
        .run(
            context ->
                assertThat(context.getBean(LyssTracing.class).toString())
                    .contains("B3")
                    .contains("0.25"));
  }
}
