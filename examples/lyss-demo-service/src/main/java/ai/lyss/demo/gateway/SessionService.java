package ai.lyss.demo.gateway;

import ai.lyss.metrics.MonitorApi;
import ai.lyss.tracing.Traced;

/** The sessions endpoints' business logic: login and logout. */
public interface SessionService {

  /**
   * A user session.
   *
   * @param id {@code sess_...}
   * @param tenantId the tenant
   * @param userId the user
   * @param createdAt ISO-8601 instant
   */
  record Session(String id, String tenantId, String userId, String createdAt) {}

  /**
   * Logs a user in.
   *
   * @param context tenant and injected faults
   * @param userId the validated user id
   */
  @MonitorApi(value = "sessions_login", method = "POST")
  @Traced("sessions.login")
  Session login(RequestContext context, String userId);

  /**
   * Logs a session out.
   *
   * @param context tenant and injected faults
   * @param sessionId the session id
   * @throws ApiException 404 when the tenant has no such session
   */
  @MonitorApi(value = "sessions_logout", method = "DELETE")
  @Traced("sessions.logout")
  void logout(RequestContext context, String sessionId);
}
