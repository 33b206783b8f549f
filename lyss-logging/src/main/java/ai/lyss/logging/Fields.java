package ai.lyss.logging;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, ordered list of event fields (key, value) passed to {@link StructuredLogger}. Keys
 * are strings, values any object: strings, numbers and booleans are written as such, maps and
 * collections as JSON objects and arrays, anything else through {@code toString()}. Values are
 * serialised on the logging thread; the objects passed in are never modified.
 *
 * <pre>{@code
 * log.info("slow query", Fields.of("duration_ms", 1250, "table", "messages"));
 * }</pre>
 */
public final class Fields {

  private static final Fields EMPTY = new Fields(new Object[0]);

  private final @Nullable Object[] keyValues;

  private Fields(@Nullable Object[] keyValues) {
    this.keyValues = keyValues;
  }

  /** No fields. */
  public static Fields empty() {
    return EMPTY;
  }

  /**
   * One field.
   *
   * @param key field name
   * @param value field value, may be {@code null}
   */
  public static Fields of(String key, @Nullable Object value) {
    return new Fields(new @Nullable Object[] {requireNonNull(key, "key"), value});
  }

  /**
   * Two fields.
   *
   * @param k1 first name
   * @param v1 first value
   * @param k2 second name
   * @param v2 second value
   */
  public static Fields of(String k1, @Nullable Object v1, String k2, @Nullable Object v2) {
    return new Fields(new @Nullable Object[] {key(k1), v1, key(k2), v2});
  }

  /**
   * Three fields.
   *
   * @param k1 first name
   * @param v1 first value
   * @param k2 second name
   * @param v2 second value
   * @param k3 third name
   * @param v3 third value
   */
  public static Fields of(
      String k1,
      @Nullable Object v1,
      String k2,
      @Nullable Object v2,
      String k3,
      @Nullable Object v3) {
    return new Fields(new @Nullable Object[] {key(k1), v1, key(k2), v2, key(k3), v3});
  }

  /**
   * Four fields.
   *
   * @param k1 first name
   * @param v1 first value
   * @param k2 second name
   * @param v2 second value
   * @param k3 third name
   * @param v3 third value
   * @param k4 fourth name
   * @param v4 fourth value
   */
  public static Fields of(
      String k1,
      @Nullable Object v1,
      String k2,
      @Nullable Object v2,
      String k3,
      @Nullable Object v3,
      String k4,
      @Nullable Object v4) {
    return new Fields(new @Nullable Object[] {key(k1), v1, key(k2), v2, key(k3), v3, key(k4), v4});
  }

  /**
   * Five fields.
   *
   * @param k1 first name
   * @param v1 first value
   * @param k2 second name
   * @param v2 second value
   * @param k3 third name
   * @param v3 third value
   * @param k4 fourth name
   * @param v4 fourth value
   * @param k5 fifth name
   * @param v5 fifth value
   */
  public static Fields of(
      String k1,
      @Nullable Object v1,
      String k2,
      @Nullable Object v2,
      String k3,
      @Nullable Object v3,
      String k4,
      @Nullable Object v4,
      String k5,
      @Nullable Object v5) {
    return new Fields(
        new @Nullable Object[] {key(k1), v1, key(k2), v2, key(k3), v3, key(k4), v4, key(k5), v5});
  }

  /** A builder for any number of fields. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns these fields followed by one more.
   *
   * @param key field name
   * @param value field value, may be {@code null}
   */
  public Fields and(String key, @Nullable Object value) {
    @Nullable Object[] copy = Arrays.copyOf(keyValues, keyValues.length + 2);
    copy[keyValues.length] = requireNonNull(key, "key");
    copy[keyValues.length + 1] = value;
    return new Fields(copy);
  }

  /** The number of fields. */
  public int size() {
    return keyValues.length / 2;
  }

  /**
   * The name of field {@code index}.
   *
   * @param index from 0 to {@code size() - 1}
   */
  public String key(int index) {
    return (String) requireNonNull(keyValues[2 * index]);
  }

  /**
   * The value of field {@code index}, possibly {@code null}.
   *
   * @param index from 0 to {@code size() - 1}
   */
  public @Nullable Object value(int index) {
    return keyValues[2 * index + 1];
  }

  /** Lists the keys only: values may hold secrets and are redacted only by the encoder. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Fields[");
    for (int i = 0; i < size(); i++) {
      out.append(i == 0 ? "" : ", ").append(key(i));
    }
    return out.append(']').toString();
  }

  private static String key(String key) {
    return requireNonNull(key, "key");
  }

  /** Collects fields in order; {@link #build()} returns an immutable {@link Fields}. */
  public static final class Builder {
    private @Nullable Object[] keyValues = new Object[8];
    private int length;

    private Builder() {}

    /**
     * Adds a field.
     *
     * @param key field name
     * @param value field value, may be {@code null}
     */
    public Builder put(String key, @Nullable Object value) {
      requireNonNull(key, "key");
      if (length + 2 > keyValues.length) {
        keyValues = Arrays.copyOf(keyValues, keyValues.length * 2);
      }
      keyValues[length++] = key;
      keyValues[length++] = value;
      return this;
    }

    /** The fields added so far. */
    public Fields build() {
      return length == 0 ? EMPTY : new Fields(Arrays.copyOf(keyValues, length));
    }
  }
}
