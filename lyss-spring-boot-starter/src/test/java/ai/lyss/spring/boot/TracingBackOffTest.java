package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.spring.boot.internal.TracingBackOffCondition;
import ai.lyss.testing.Poll;
import ai.lyss.tracing.LyssTracing;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.Opcodes;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** lyss-tracing steps aside when another tracer owns the process, and says why. */
@ExtendWith(OutputCaptureExtension.class)
class TracingBackOffTest {

  @Test
  void anExistingOpenTelemetryBeanMakesLyssTracingBackOff() {
    Runners.web()
        .withBean("bootOpenTelemetry", OpenTelemetry.class, OpenTelemetry::noop)
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(LyssTracing.class);
              assertThat(reasons(context.getBeanFactory()))
                  .contains("an OpenTelemetry bean ('bootOpenTelemetry') is already configured");
            });
  }

  @Test
  void backingOffIsLogged(CapturedOutput output) {
    Runners.web()
        .withBean("bootOpenTelemetry", OpenTelemetry.class, OpenTelemetry::noop)
        .run(context -> assertThat(context).hasNotFailed());

    Poll.until(
        "the 'lyss-tracing backs off' line",
        Duration.ofSeconds(10),
        () -> output.getAll().contains("lyss-tracing backs off"));
  }

  @Test
  void theOpenTelemetryJavaAgentMakesLyssTracingBackOff() {
    Runners.web()
        .withClassLoader(new AgentClassLoader(getClass().getClassLoader()))
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(LyssTracing.class);
              assertThat(reasons(context.getBeanFactory()))
                  .contains("the OpenTelemetry Java agent is attached");
            });
  }

  @Test
  void withoutAnotherTracerLyssTracingStarts() {
    Runners.web().run(context -> assertThat(context).hasSingleBean(LyssTracing.class));
  }

  private static String reasons(
      org.springframework.beans.factory.config.ConfigurableListableBeanFactory beans) {
    return ConditionEvaluationReport.get(beans).getConditionAndOutcomesBySource().values().stream()
        .flatMap(outcomes -> outcomes.stream())
        .map(o -> o.getOutcome().getMessage())
        .reduce("", (a, b) -> a + " | " + b);
  }

  /** A class loader on which the agent's main class exists, as when the agent is attached. */
  private static final class AgentClassLoader extends ClassLoader {

    AgentClassLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (!name.equals(TracingBackOffCondition.AGENT_CLASS)) {
        throw new ClassNotFoundException(name);
      }
      ClassWriter writer = new ClassWriter(0);
      writer.visit(
          Opcodes.V17, Opcodes.ACC_PUBLIC, name.replace('.', '/'), null, "java/lang/Object", null);
      writer.visitEnd();
      byte[] bytes = writer.toByteArray();
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
