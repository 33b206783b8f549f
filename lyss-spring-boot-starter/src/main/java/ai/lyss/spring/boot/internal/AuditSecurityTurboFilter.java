package ai.lyss.spring.boot.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Lets AUDIT and SECURITY events through whatever the logger's level, as lyss-logging's {@code
 * logback-lyss.xml} does with two {@code MarkerFilter}s. A filter without properties, because under
 * Spring Boot's Logback configurator the {@code MarkerFilter}'s marker property is not applied and
 * Boot then refuses to start.
 */
public final class AuditSecurityTurboFilter extends TurboFilter {

  // By name, like lyss-logging's LyssMarkers: no SLF4J class initialisation inside Logback's.
  private static final String AUDIT = "AUDIT";
  private static final String SECURITY = "SECURITY";

  @Override
  public FilterReply decide(
      @Nullable Marker marker,
      Logger logger,
      Level level,
      @Nullable String format,
      Object @Nullable [] params,
      @Nullable Throwable t) {
    if (marker != null && (marker.contains(AUDIT) || marker.contains(SECURITY))) {
      return FilterReply.ACCEPT;
    }
    return FilterReply.NEUTRAL;
  }
}
