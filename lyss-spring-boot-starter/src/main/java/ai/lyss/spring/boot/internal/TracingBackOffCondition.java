package ai.lyss.spring.boot.internal;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Matches unless another tracer already owns the process: the OpenTelemetry Java agent (its main
 * class is visible, or the JVM was started with an {@code opentelemetry-javaagent} agent), or an
 * {@code io.opentelemetry.api.OpenTelemetry} bean (Boot's own OpenTelemetry or the OpenTelemetry
 * Spring starter), or Micrometer Tracing's OpenTelemetry bridge (Boot's tracing). Two SDKs would
 * export every span twice with different trace ids; backing off is logged at INFO so the choice is
 * visible.
 */
public final class TracingBackOffCondition extends SpringBootCondition {

  /** The main class of the OpenTelemetry Java agent. */
  public static final String AGENT_CLASS = "io.opentelemetry.javaagent.OpenTelemetryAgent";

  private static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";

  /** micrometer-tracing-bridge-otel: Spring Boot's own tracing with OpenTelemetry. */
  private static final String MICROMETER_OTEL_BRIDGE =
      "io.micrometer.tracing.otel.bridge.OtelTracer";

  private static final Log LOG = LogFactory.getLog("ai.lyss.spring.boot.tracing");

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    String reason = otherTracer(context);
    if (reason == null) {
      return ConditionOutcome.match("no OpenTelemetry agent and no OpenTelemetry bean");
    }
    LOG.info(
        "lyss-tracing backs off: "
            + reason
            + "; spans come from it (set lyss.tracing.enabled=false to silence this line)");
    return ConditionOutcome.noMatch(reason);
  }

  private static @Nullable String otherTracer(ConditionContext context) {
    ClassLoader loader = context.getClassLoader();
    if ((loader != null && ClassUtils.isPresent(AGENT_CLASS, loader))
        || ClassUtils.isPresent(AGENT_CLASS, ClassLoader.getSystemClassLoader())
        || agentOnCommandLine()) {
      return "the OpenTelemetry Java agent is attached";
    }
    if (loader != null && ClassUtils.isPresent(MICROMETER_OTEL_BRIDGE, loader)) {
      // Boot 3.5 defines its OpenTelemetry SDK after this check; the bridge says it traces.
      return "Spring Boot's Micrometer Tracing has the OpenTelemetry bridge";
    }
    ConfigurableListableBeanFactory beans = context.getBeanFactory();
    if (beans != null && loader != null && ClassUtils.isPresent(OPEN_TELEMETRY, loader)) {
      Class<?> type = ClassUtils.resolveClassName(OPEN_TELEMETRY, loader);
      String[] names = beans.getBeanNamesForType(type, true, false);
      if (names.length > 0) {
        return "an OpenTelemetry bean ('" + names[0] + "') is already configured";
      }
    }
    return null;
  }

  private static boolean agentOnCommandLine() {
    try {
      for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        String lower = argument.toLowerCase(Locale.ROOT);
        if (lower.startsWith("-javaagent:") && lower.contains("opentelemetry-javaagent")) {
          return true;
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // No java.management module: the class check above still applies.
    }
    return false;
  }
}
