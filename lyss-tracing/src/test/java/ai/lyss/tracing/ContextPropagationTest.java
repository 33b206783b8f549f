package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContextPropagationTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final LyssTracing tracing = TestTracing.start(spans);
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void close() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    tracing.close();
  }

  private static String currentSpanId() {
    return Span.current().getSpanContext().getSpanId();
  }

  private <T> T inSpan(java.util.function.Function<String, T> body) {
    Span span = tracing.tracer().spanBuilder("parent").startSpan();
    Scope scope = span.makeCurrent();
    try {
      return body.apply(span.getSpanContext().getSpanId());
    } finally {
      scope.close();
      span.end();
    }
  }

  @Test
  void wrappedExecutorRunsTasksInTheSubmittersContext() throws Exception {
    ExecutorService wrapped = ContextPropagation.wrap(pool);
    String[] seen = new String[2];
    inSpan(
        id -> {
          seen[0] = id;
          try {
            seen[1] =
                wrapped.submit(ContextPropagationTest::currentSpanId).get(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return null;
        });
    assertThat(seen[1]).isEqualTo(seen[0]);
  }

  @Test
  void plainExecutorLosesTheContext() throws Exception {
    String[] seen = new String[1];
    inSpan(
        id -> {
          try {
            seen[0] = pool.submit(ContextPropagationTest::currentSpanId).get(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return null;
        });
    assertThat(seen[0]).isEqualTo(Span.getInvalid().getSpanContext().getSpanId());
  }

  @Test
  void wrappedFutureCallbackSeesTheContextOfItsCreation() {
    CompletableFuture<String> gate = new CompletableFuture<>();
    String[] ids = new String[1];
    CompletableFuture<String> seen =
        inSpan(
            id -> {
              ids[0] = id;
              return gate.thenApplyAsync(
                  ContextPropagation.wrapFunction(v -> currentSpanId()), pool);
            });
    gate.complete("go");
    assertThat(seen.join()).isEqualTo(ids[0]);
  }

  @Test
  void tracedSpanStartedOnAWrappedExecutorIsAChild() throws Exception {
    ExecutorService wrapped = ContextPropagation.wrap(pool);
    String parentId =
        inSpan(
            id -> {
              try {
                wrapped.submit(() -> tracing.traced("child", () -> 1)).get(10, TimeUnit.SECONDS);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              return id;
            });
    assertThat(spans.getFinishedSpanItems())
        .filteredOn(s -> s.getName().equals("child"))
        .singleElement()
        .satisfies(s -> assertThat(s.getParentSpanId()).isEqualTo(parentId));
  }
}
