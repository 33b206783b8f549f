package ai.lyss.core.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An observer that records what the pipeline tells it, for tests. */
final class RecordingObserver implements HttpObserver {

  /** One ended request, as the observer saw it. */
  record Ended(
      String path,
      Outcome outcome,
      int status,
      String tenant,
      String admittedTenant,
      String requestId,
      long responseBytes,
      Throwable error) {}

  final List<String> events;
  final List<Ended> ended = new CopyOnWriteArrayList<>();
  private final Stage stage;

  RecordingObserver(Stage stage, List<String> events) {
    this.stage = stage;
    this.events = events;
  }

  @Override
  public Stage stage() {
    return stage;
  }

  @Override
  public HttpObservation start(ObservedRequest request) {
    events.add("start " + stage);
    return new HttpObservation() {
      @Override
      public void enter() {
        events.add("enter " + stage);
      }

      @Override
      public void exit() {
        events.add("exit " + stage);
      }

      @Override
      public void end(ObservedRequest r) {
        events.add("end " + stage);
        ended.add(
            new Ended(
                r.path(),
                r.outcome(),
                r.status(),
                r.tenant(),
                r.admittedTenant(),
                r.requestId(),
                r.responseBytes(),
                r.error()));
      }
    };
  }
}
