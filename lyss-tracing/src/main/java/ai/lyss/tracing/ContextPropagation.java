package ai.lyss.tracing;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.context.Context;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Carries the current trace context across threads. Executors wrapped here run each task in the
 * context of the code that submitted it; the function wrappers capture the context at wrap time,
 * for {@code CompletableFuture} callbacks that run on another thread:
 *
 * <pre>{@code
 * ExecutorService pool = ContextPropagation.wrap(Executors.newFixedThreadPool(4));
 * future.thenApplyAsync(ContextPropagation.wrapFunction(this::render), pool);
 * }</pre>
 */
public final class ContextPropagation {

  private ContextPropagation() {}

  /**
   * An executor that propagates the submitter's context to each task.
   *
   * @param executor the executor
   */
  public static Executor wrap(Executor executor) {
    return Context.taskWrapping(requireNonNull(executor, "executor"));
  }

  /**
   * An executor service that propagates the submitter's context to each task.
   *
   * @param executor the executor service
   */
  public static ExecutorService wrap(ExecutorService executor) {
    return Context.taskWrapping(requireNonNull(executor, "executor"));
  }

  /**
   * The task, run in the context current now.
   *
   * @param task the task
   */
  public static Runnable wrap(Runnable task) {
    return Context.current().wrap(requireNonNull(task, "task"));
  }

  /**
   * The task, run in the context current now.
   *
   * @param task the task
   * @param <T> the result type
   */
  public static <T> Callable<T> wrap(Callable<T> task) {
    return Context.current().wrap(requireNonNull(task, "task"));
  }

  /**
   * The supplier, run in the context current now (for {@code supplyAsync}).
   *
   * @param supplier the supplier
   * @param <T> the result type
   */
  public static <T> Supplier<T> wrapSupplier(Supplier<T> supplier) {
    return Context.current().wrapSupplier(requireNonNull(supplier, "supplier"));
  }

  /**
   * The function, run in the context current now (for {@code thenApply}).
   *
   * @param function the function
   * @param <T> the argument type
   * @param <R> the result type
   */
  public static <T, R> Function<T, R> wrapFunction(Function<T, R> function) {
    return Context.current().wrapFunction(requireNonNull(function, "function"));
  }

  /**
   * The function, run in the context current now (for {@code handle}, {@code thenCombine}).
   *
   * @param function the function
   * @param <T> the first argument type
   * @param <U> the second argument type
   * @param <R> the result type
   */
  public static <T, U, R> BiFunction<T, U, R> wrapFunction(BiFunction<T, U, R> function) {
    return Context.current().wrapFunction(requireNonNull(function, "function"));
  }

  /**
   * The consumer, run in the context current now (for {@code thenAccept}).
   *
   * @param consumer the consumer
   * @param <T> the argument type
   */
  public static <T> Consumer<T> wrapConsumer(Consumer<T> consumer) {
    return Context.current().wrapConsumer(requireNonNull(consumer, "consumer"));
  }

  /**
   * The consumer, run in the context current now (for {@code whenComplete}).
   *
   * @param consumer the consumer
   * @param <T> the first argument type
   * @param <U> the second argument type
   */
  public static <T, U> BiConsumer<T, U> wrapConsumer(BiConsumer<T, U> consumer) {
    return Context.current().wrapConsumer(requireNonNull(consumer, "consumer"));
  }
}
