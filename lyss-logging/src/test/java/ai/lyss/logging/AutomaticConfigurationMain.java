package ai.lyss.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Run in a separate JVM by {@link AutomaticConfigurationTest} with no logback.xml or
 * logback-test.xml on the class path, so lyss-logging's automatic configuration is what SLF4J
 * initialises with.
 */
public final class AutomaticConfigurationMain {

  private AutomaticConfigurationMain() {}

  /**
   * Logs below and above the configured level, plus audit and security events, then stops Logback
   * so the queue is flushed.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    StructuredLogger log = StructuredLogger.getLogger("ai.lyss.automatic");
    log.info("below the level");
    log.warning("at the level");
    log.audit("auto.audit", "t1", "u1", "check", "config", "success");
    log.security("auto.security", Severity.LOW, "checked");
    ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
  }
}
