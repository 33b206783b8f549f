package ai.lyss.spring.boot;

import ai.lyss.spring.boot.autoconfigure.LyssHealthAutoConfiguration;
import ai.lyss.spring.boot.autoconfigure.LyssHttpPipelineAutoConfiguration;
import ai.lyss.spring.boot.autoconfigure.LyssLoggingAutoConfiguration;
import ai.lyss.spring.boot.autoconfigure.LyssMetricsAutoConfiguration;
import ai.lyss.spring.boot.autoconfigure.LyssRouteTemplateAutoConfiguration;
import ai.lyss.spring.boot.autoconfigure.LyssServiceAutoConfiguration;
import ai.lyss.spring.boot.autoconfigure.LyssTracingAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Context runners with every Lyss auto-configuration, no server and no global state. */
final class Runners {

  private Runners() {}

  static WebApplicationContextRunner web() {
    return new WebApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                LyssServiceAutoConfiguration.class,
                LyssRouteTemplateAutoConfiguration.class,
                LyssMetricsAutoConfiguration.class,
                LyssLoggingAutoConfiguration.class,
                LyssTracingAutoConfiguration.class,
                LyssHttpPipelineAutoConfiguration.class,
                LyssHealthAutoConfiguration.class))
        .withPropertyValues(
            "spring.application.name=runner-test",
            "lyss.tracing.otlp-export=false",
            "lyss.tracing.register-global=false");
  }

  /** Every message of a failure's cause chain, so a test can find the one naming a property. */
  static String messages(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
    }
    return String.join(" | ", messages);
  }
}
