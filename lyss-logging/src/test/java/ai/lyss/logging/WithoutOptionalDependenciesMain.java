package ai.lyss.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Run in a separate JVM by {@link OptionalDependenciesTest} with OpenTelemetry, Micrometer and the
 * Servlet API removed from the class path: logs through the shipped configuration and exits.
 */
public final class WithoutOptionalDependenciesMain {

  private WithoutOptionalDependenciesMain() {}

  /**
   * Logs one line of each kind, then stops Logback so the queue is flushed.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    StructuredLogger log = StructuredLogger.getLogger("ai.lyss.minimal");
    log.info("minimal class path", Fields.of("ok", true));
    log.audit("minimal.audit", "t1", "u1", "check", "classpath", "success");
    ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
  }
}
