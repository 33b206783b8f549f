package ai.lyss.health;

import static java.util.Objects.requireNonNull;

import ai.lyss.health.internal.ErrorTexts;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The immutable outcome of one check: status, response time in milliseconds, an error text when
 * unhealthy, optional details, and when it was observed.
 *
 * <p>Error texts are cleaned when the result is created: URLs with credentials, {@code
 * password=...} pairs and JDBC URLs are masked, control characters removed, and the text capped at
 * {@value #MAX_ERROR_LENGTH} characters.
 */
public final class HealthCheckResult {

  /** The longest error text kept; longer texts are cut and end with an ellipsis. */
  public static final int MAX_ERROR_LENGTH = 300;

  private final HealthStatus status;
  private final @Nullable String error;
  private final Map<String, String> details;
  private final double responseTimeMillis;
  private final Instant observedAt;

  private HealthCheckResult(
      HealthStatus status,
      @Nullable String error,
      Map<String, String> details,
      double responseTimeMillis,
      Instant observedAt) {
    this.status = status;
    this.error = error;
    this.details = details;
    this.responseTimeMillis = responseTimeMillis;
    this.observedAt = observedAt;
  }

  /** A healthy result without details. */
  public static HealthCheckResult healthy() {
    return healthy(Map.of());
  }

  /**
   * A healthy result with details (shown only to authorised callers).
   *
   * @param details short key/value facts, for example {@code http_status=200}
   */
  public static HealthCheckResult healthy(Map<String, String> details) {
    return new HealthCheckResult(HealthStatus.HEALTHY, null, copy(details), 0.0, Instant.now());
  }

  /**
   * An unhealthy result.
   *
   * @param error a short reason, for example {@code HTTP 503}; cleaned of credentials
   */
  public static HealthCheckResult unhealthy(String error) {
    return unhealthy(error, Map.of());
  }

  /**
   * An unhealthy result with details (shown only to authorised callers).
   *
   * @param error a short reason; cleaned of credentials
   * @param details short key/value facts
   */
  public static HealthCheckResult unhealthy(String error, Map<String, String> details) {
    requireNonNull(error, "error");
    String clean = ErrorTexts.clean(error, MAX_ERROR_LENGTH);
    return new HealthCheckResult(
        HealthStatus.UNHEALTHY, clean.isEmpty() ? "unhealthy" : clean, copy(details), 0.0, now());
  }

  /**
   * This result with the measured response time and observation time, as set by the registry.
   *
   * @param responseTimeMillis how long the check took, in milliseconds (not negative)
   * @param observedAt when the check finished
   */
  public HealthCheckResult withTiming(double responseTimeMillis, Instant observedAt) {
    requireNonNull(observedAt, "observedAt");
    if (!(responseTimeMillis >= 0) || Double.isInfinite(responseTimeMillis)) {
      throw new IllegalArgumentException(
          "responseTimeMillis must be a finite number >= 0, got " + responseTimeMillis);
    }
    return new HealthCheckResult(status, error, details, responseTimeMillis, observedAt);
  }

  /** {@code HEALTHY} or {@code UNHEALTHY}. */
  public HealthStatus status() {
    return status;
  }

  /** Whether the status is {@code HEALTHY}. */
  public boolean isHealthy() {
    return status == HealthStatus.HEALTHY;
  }

  /** The cleaned error text of an unhealthy result; {@code null} when healthy. */
  public @Nullable String error() {
    return error;
  }

  /** Details, in insertion order; empty when there are none. */
  public Map<String, String> details() {
    return details;
  }

  /** How long the check took, in milliseconds. */
  public double responseTimeMillis() {
    return responseTimeMillis;
  }

  /** When the check finished. */
  public Instant observedAt() {
    return observedAt;
  }

  private static Instant now() {
    return Instant.now();
  }

  private static Map<String, String> copy(Map<String, String> details) {
    requireNonNull(details, "details");
    if (details.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    details.forEach(
        (k, v) ->
            copy.put(
                requireNonNull(k, "details key"),
                ErrorTexts.clean(requireNonNull(v, "details value"), MAX_ERROR_LENGTH)));
    return Collections.unmodifiableMap(copy);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof HealthCheckResult)) {
      return false;
    }
    HealthCheckResult that = (HealthCheckResult) o;
    return status == that.status
        && Objects.equals(error, that.error)
        && details.equals(that.details)
        && Double.compare(responseTimeMillis, that.responseTimeMillis) == 0
        && observedAt.equals(that.observedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, error, details, responseTimeMillis, observedAt);
  }

  @Override
  public String toString() {
    return "HealthCheckResult{"
        + status.jsonValue()
        + (error == null ? "" : ", error=" + error)
        + ", responseTimeMillis="
        + responseTimeMillis
        + ", observedAt="
        + observedAt
        + '}';
  }
}
