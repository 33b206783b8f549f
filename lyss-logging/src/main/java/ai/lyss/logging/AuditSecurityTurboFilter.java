package ai.lyss.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Lets AUDIT and SECURITY events through whatever the logger's level, so raising a level to WARN
 * can never silence an audit trail. {@code logback-lyss.xml} installs it; a service with its own
 * Logback configuration adds {@code <turboFilter
 * class="ai.lyss.logging.AuditSecurityTurboFilter"/>}.
 *
 * <p>Markers are compared by name. Logback's own {@code MarkerFilter} resolves its marker through
 * {@code MarkerFactory} when it starts, which fails while SLF4J is still initialising (the
 * automatic configuration runs then): the filter reports an error status, lets nothing through, and
 * Spring Boot refuses to start on that status.
 */
public final class AuditSecurityTurboFilter extends TurboFilter {

  /** Creates the filter; it has no settings. */
  public AuditSecurityTurboFilter() {}

  @Override
  public FilterReply decide(
      @Nullable Marker marker,
      Logger logger,
      Level level,
      @Nullable String format,
      Object @Nullable [] params,
      @Nullable Throwable t) {
    if (marker != null
        && (marker.contains(LyssMarkers.AUDIT_NAME)
            || marker.contains(LyssMarkers.SECURITY_NAME))) {
      return FilterReply.ACCEPT;
    }
    return FilterReply.NEUTRAL;
  }
}
