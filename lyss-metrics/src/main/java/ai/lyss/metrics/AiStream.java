package ai.lyss.metrics;

import ai.lyss.metrics.internal.RecordingErrors;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One streaming AI model call in flight, from {@link AiModelMetrics#startStream}: call {@link
 * #chunk()} as each chunk arrives from the provider and {@link #end} once when the stream is over
 * (finished, failed, or cancelled because the client left - with the tokens delivered so far).
 *
 * <p>The first chunk is observed in {@code ai_model_time_to_first_chunk_seconds}, the gap before
 * each later one in {@code ai_model_time_per_output_chunk_seconds}; {@link #end} records the call
 * like {@link AiModelMetrics#record} (requests, latency from start to end, tokens, spend). A chunk
 * allocates nothing. One thread at a time drives a stream (the one reading the provider's
 * response); nothing here throws, and ending twice is ignored.
 */
public final class AiStream implements AutoCloseable {

  private final @Nullable ModelSeries model;
  private final @Nullable AiSeries series;
  private final @Nullable Timer firstChunk;
  private final @Nullable Timer perChunk;
  private final long startNanos;
  private long lastNanos;
  private long chunks;
  private long timeToFirstChunkNanos = -1;
  private boolean ended;

  AiStream(ModelSeries model, AiSeries series, long startNanos) {
    this.model = model;
    this.series = series;
    this.firstChunk = model.firstChunk();
    this.perChunk = model.perChunk();
    this.startNanos = startNanos;
    this.lastNanos = startNanos;
  }

  private AiStream(long startNanos) {
    this.model = null;
    this.series = null;
    this.firstChunk = null;
    this.perChunk = null;
    this.startNanos = startNanos;
    this.lastNanos = startNanos;
  }

  /** A stream that records nothing, for when its meters could not be resolved. */
  static AiStream noop() {
    return new AiStream(System.nanoTime());
  }

  /** A chunk arrived now. */
  public void chunk() {
    chunkAt(System.nanoTime());
  }

  /**
   * A chunk arrived at a {@link System#nanoTime()} reading the caller already took.
   *
   * @param nanoTime when it arrived
   */
  public void chunkAt(long nanoTime) {
    try {
      long gap = Math.max(0L, nanoTime - lastNanos);
      Timer first = firstChunk;
      Timer gaps = perChunk;
      if (chunks++ == 0) {
        timeToFirstChunkNanos = gap;
        if (first != null) {
          first.record(gap, TimeUnit.NANOSECONDS);
        }
      } else if (gaps != null) {
        gaps.record(gap, TimeUnit.NANOSECONDS);
      }
      lastNanos = nanoTime;
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.AI_MODEL_TIME_PER_OUTPUT_CHUNK.name(), e);
    }
  }

  /** Chunks seen so far. */
  public long chunks() {
    return chunks;
  }

  /** Nanoseconds from the start to the first chunk, or -1 before the first chunk. */
  public long timeToFirstChunkNanos() {
    return timeToFirstChunkNanos;
  }

  /**
   * Ends the stream, once: records the call with the latency from start to now.
   *
   * @param success {@code true} unless the provider failed (a client that left is not the model's
   *     failure: record it as a success with the tokens delivered so far)
   * @param tokens the tokens consumed, or delivered so far ({@link TokenUsage#NONE} when unknown)
   */
  public void end(boolean success, @Nullable TokenUsage tokens) {
    ModelSeries m = model;
    AiSeries s = series;
    if (ended || m == null || s == null) {
      return;
    }
    ended = true;
    try {
      s.record(
          m, System.nanoTime() - startNanos, success, tokens == null ? TokenUsage.NONE : tokens);
    } catch (RuntimeException e) {
      RecordingErrors.swallowed(MetricCatalog.AI_MODEL_REQUESTS.name(), e);
    }
  }

  /** Ends a stream not ended yet as a failure with unknown usage (for try-with-resources). */
  @Override
  public void close() {
    end(false, TokenUsage.NONE);
  }
}
