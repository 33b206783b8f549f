package ai.lyss.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.logging.internal.LyssLogbackConfigurator;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Logback's start-up configuration by lyss-logging, on the Boot line's Logback version: no warning,
 * so Logback prints no status dump (plain text ahead of the JSON lines).
 */
class LogbackStartupTest {

  @Test
  void lyssConfigurationLeavesNoWarningStatus() {
    LoggerContext context = new LoggerContext();
    try {
      LyssLogbackConfigurator configurator =
          LyssLogbackConfigurator.forClassLoader(new URLClassLoader(new URL[0], null));
      configurator.setContext(context);

      assertThat(configurator.configure(context))
          .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

      assertThat(context.getStatusManager().getCopyOfStatusList())
          .filteredOn(status -> status.getLevel() >= Status.WARN)
          .isEmpty();
    } finally {
      context.stop();
    }
  }
}
