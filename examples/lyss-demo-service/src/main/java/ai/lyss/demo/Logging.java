package ai.lyss.demo;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** Flushes and stops the logging backend, so the last lines reach stdout before the JVM exits. */
final class Logging {

  private Logging() {}

  static void flush() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof ch.qos.logback.classic.LoggerContext context) {
      context.stop();
    }
  }
}
