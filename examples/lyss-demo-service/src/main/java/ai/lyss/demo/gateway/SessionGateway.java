package ai.lyss.demo.gateway;

import static java.util.Objects.requireNonNull;

import ai.lyss.logging.StructuredLogger;
import ai.lyss.metrics.BusinessMetrics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Login and logout. At most {@link #MAX_SESSIONS} sessions are kept; logging in past that ends the
 * oldest session, which counts as its logout.
 */
public final class SessionGateway implements SessionService {

  /** Sessions kept at most. */
  public static final int MAX_SESSIONS = 10_000;

  private static final StructuredLogger LOG = StructuredLogger.getLogger(SessionGateway.class);

  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final BusinessMetrics business;
  private final Clock clock;

  /**
   * Creates the service.
   *
   * @param business business metrics (active sessions)
   * @param clock wall clock for timestamps
   */
  public SessionGateway(BusinessMetrics business, Clock clock) {
    this.business = requireNonNull(business, "business");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public Session login(RequestContext context, String userId) {
    context.failIfServerFaultRequested();
    Session session =
        new Session(Ids.next("sess_"), context.tenantId(), userId, clock.instant().toString());
    Session evicted = null;
    synchronized (sessions) {
      sessions.put(session.id(), session);
      if (sessions.size() > MAX_SESSIONS) {
        var eldest = sessions.entrySet().iterator();
        evicted = eldest.next().getValue();
        eldest.remove();
      }
    }
    if (evicted != null) {
      ended(evicted, "evicted");
    }
    business.trackUserLogin(session.tenantId());
    LOG.audit(
        "session.login", session.tenantId(), userId, "login", "session/" + session.id(), "success");
    return session;
  }

  @Override
  public void logout(RequestContext context, String sessionId) {
    context.failIfServerFaultRequested();
    Session session;
    synchronized (sessions) {
      session = sessions.get(sessionId);
      if (session == null || !session.tenantId().equals(context.tenantId())) {
        throw ApiException.notFound("session_not_found", "No session '" + sessionId + "'");
      }
      sessions.remove(sessionId);
    }
    ended(session, "success");
  }

  private void ended(Session session, String result) {
    business.trackUserLogout(session.tenantId());
    LOG.audit(
        "session.logout",
        session.tenantId(),
        session.userId(),
        "logout",
        "session/" + session.id(),
        result);
  }
}
