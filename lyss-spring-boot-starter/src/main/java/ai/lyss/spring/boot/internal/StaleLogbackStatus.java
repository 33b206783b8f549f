package ai.lyss.spring.boot.internal;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.MarkerFilter;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusManager;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Drops one known error from Logback's status list before Spring Boot configures logging.
 *
 * <p>When lyss-logging's automatic Logback configuration runs, SLF4J is still initialising, so the
 * {@code MarkerFilter}s of {@code logback-lyss.xml} cannot resolve their markers and report "The
 * marker property must be set". Spring Boot replaces that configuration a moment later, but it
 * fails start-up on any error status it finds ("Logback configuration error detected"). Only these
 * {@code MarkerFilter} errors are removed; every other status stays.
 */
final class StaleLogbackStatus {

  private StaleLogbackStatus() {}

  static void dropAutoConfigurationMarkerErrors() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    StatusManager statuses = context.getStatusManager();
    List<Status> all = statuses.getCopyOfStatusList();
    if (all.stream().noneMatch(StaleLogbackStatus::isMarkerFilterError)) {
      return;
    }
    statuses.clear();
    for (Status status : all) {
      if (!isMarkerFilterError(status)) {
        statuses.add(status);
      }
    }
  }

  private static boolean isMarkerFilterError(Status status) {
    return status.getLevel() == Status.ERROR && status.getOrigin() instanceof MarkerFilter;
  }
}
