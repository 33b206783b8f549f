package ai.lyss.metrics;

import ai.lyss.core.http.HttpObservation;
import ai.lyss.core.http.HttpObserver;
import ai.lyss.core.http.ObservedRequest;
import ai.lyss.core.http.Outcome;
import ai.lyss.metrics.internal.HttpScope;
import ai.lyss.metrics.internal.MonitoredCalls;
import ai.lyss.metrics.internal.RequestRecording;

/**
 * lyss-metrics' part of the request pipeline: {@code http_requests_total} and {@code
 * http_request_duration_seconds} once per request, with the status the pipeline decided (a
 * server-side failure that sent nothing yet is mapped by the {@code StatusMapper}) and the tenant
 * only when the service accepted the request. While the request runs, {@code @MonitorApi} calls
 * name its endpoint instead of recording a second time. Package-private beside {@link LyssMetrics},
 * which hands it out, so the public type imports nothing from {@code internal} that imports it
 * back.
 */
final class HttpMetricsObserver implements HttpObserver {

  private final LyssMetrics metrics;

  /**
   * An observer recording into a metrics instance.
   *
   * @param metrics where requests are recorded
   */
  HttpMetricsObserver(LyssMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public Stage stage() {
    return Stage.MEASURE;
  }

  @Override
  public HttpObservation start(ObservedRequest request) {
    return new Observation(HttpScope.open());
  }

  private final class Observation implements HttpObservation {
    private final HttpScope scope;

    Observation(HttpScope scope) {
      this.scope = scope;
    }

    @Override
    public void enter() {
      scope.enter();
    }

    @Override
    public void exit() {
      scope.close();
    }

    @Override
    public void end(ObservedRequest request) {
      int status = request.status();
      Throwable error = request.error();
      if (request.outcome() == Outcome.FAILED && status == 500 && error != null) {
        status = MonitoredCalls.statusOf(metrics, error); // the service's StatusMapper
      }
      RequestRecording.record(
          metrics, request, request.admittedTenant(), scope, status, request.startNanos());
    }
  }
}
