package ai.lyss.metrics.internal;

import ai.lyss.core.RequestView;
import ai.lyss.core.RouteTemplates;
import ai.lyss.metrics.HttpMetrics;
import ai.lyss.metrics.LyssMetrics;

/** The labels of a finished HTTP request. */
public final class RequestRecording {

  private RequestRecording() {}

  /**
   * Records a finished request; never throws.
   *
   * @param metrics where to record
   * @param request the request
   * @param tenant the tenant to record
   * @param scope the request's scope ({@code @MonitorApi} endpoint name)
   * @param status the status sent (or mapped from the failure)
   * @param startNanos {@link System#nanoTime()} when the request started
   */
  public static void record(
      LyssMetrics metrics,
      RequestView request,
      String tenant,
      HttpScope scope,
      int status,
      long startNanos) {
    long duration = System.nanoTime() - startNanos;
    try {
      metrics
          .http()
          .record(
              request.method(),
              endpoint(metrics, request, scope, status),
              status,
              tenant,
              duration);
    } catch (RuntimeException e) {
      RecordingErrors.swallowed("http request", e);
    }
  }

  /**
   * The endpoint label: the framework's route template, else the {@code @MonitorApi} name, else
   * {@link HttpMetrics#UNMATCHED_NOT_FOUND} for a 404 (when enabled), else the collapsed path.
   */
  static String endpoint(LyssMetrics metrics, RequestView request, HttpScope scope, int status) {
    Object route = request.attribute(RouteTemplates.ROUTE_ATTRIBUTE);
    if (route instanceof String template && !template.isBlank()) {
      return template;
    }
    String named = scope.endpoint();
    if (named != null) {
      return named;
    }
    if (status == 404 && metrics.groupsUnmatchedNotFound()) {
      return HttpMetrics.UNMATCHED_NOT_FOUND;
    }
    return RouteTemplates.collapseIds(request.path());
  }
}
