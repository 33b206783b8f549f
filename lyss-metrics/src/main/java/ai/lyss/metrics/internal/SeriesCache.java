package ai.lyss.metrics.internal;

import ai.lyss.core.LabelValues;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Series keyed by two label values (the second may be unused), resolved once and cached. Lookups of
 * a known pair do not allocate; a new pair passes both values through their guards first, so the
 * cache holds at most (cap of the first + 1) x (cap of the second + 1) series.
 *
 * @param <S> the cached series (a meter or a holder of meters)
 */
public final class SeriesCache<S> {

  private static final String NONE = "";

  private final LabelGuard first;
  private final @Nullable LabelGuard second;
  private final BiFunction<String, String, S> factory;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, S>> cache =
      new ConcurrentHashMap<>();

  /**
   * Creates a cache.
   *
   * @param first guard of the first label
   * @param second guard of the second label, {@code null} for one-label series
   * @param factory creates a series from the admitted label values
   */
  public SeriesCache(
      LabelGuard first, @Nullable LabelGuard second, BiFunction<String, String, S> factory) {
    this.first = first;
    this.second = second;
    this.factory = factory;
  }

  /**
   * The series of one label value.
   *
   * @param a raw value of the only label
   */
  public S get(@Nullable String a) {
    return get(a, null);
  }

  /**
   * The series of a pair of label values.
   *
   * @param a raw value of the first label
   * @param b raw value of the second label (ignored for one-label series)
   */
  public S get(@Nullable String a, @Nullable String b) {
    // Raw lookup first: keys are clean values, and sanitising a clean value returns it unchanged.
    if (a != null && (b != null || second == null)) {
      ConcurrentHashMap<String, S> inner = cache.get(a);
      if (inner != null) {
        S s = inner.get(second == null ? NONE : b);
        if (s != null) {
          return s;
        }
      }
    }
    String x = LabelValues.sanitize(a);
    String y = second == null ? NONE : LabelValues.sanitize(b);
    ConcurrentHashMap<String, S> inner = cache.get(x);
    if (inner != null) {
      S s = inner.get(y);
      if (s != null) {
        return s;
      }
    }
    String ax = first.admit(x);
    String ay = second == null ? NONE : second.admit(y);
    return cache
        .computeIfAbsent(ax, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(ay, k -> factory.apply(ax, ay));
  }
}
