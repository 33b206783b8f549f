package ai.lyss.demo.gateway;

import static java.util.Objects.requireNonNull;

/**
 * A request the gateway refuses, with the HTTP status and the OpenAI-style error {@code type} and
 * {@code code} the client receives.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String code;
  private final long retryAfterSeconds;

  private ApiException(int status, String type, String code, String message, long retryAfter) {
    super(requireNonNull(message, "message"), null, false, false);
    this.status = status;
    this.type = requireNonNull(type, "type");
    this.code = requireNonNull(code, "code");
    this.retryAfterSeconds = retryAfter;
  }

  /**
   * A 400 {@code invalid_request_error}.
   *
   * @param code machine-readable reason
   * @param message what is wrong and how to fix it
   */
  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, "invalid_request_error", code, message, 0);
  }

  /**
   * A 401 {@code authentication_error}.
   *
   * @param code machine-readable reason
   * @param message why the credentials were refused
   */
  public static ApiException unauthorized(String code, String message) {
    return new ApiException(401, "authentication_error", code, message, 0);
  }

  /**
   * A 404.
   *
   * @param code machine-readable reason
   * @param message what was not found
   */
  public static ApiException notFound(String code, String message) {
    return new ApiException(404, "invalid_request_error", code, message, 0);
  }

  /**
   * A 413 for a request body past the size cap.
   *
   * @param message the cap
   */
  public static ApiException tooLarge(String message) {
    return new ApiException(413, "invalid_request_error", "body_too_large", message, 0);
  }

  /**
   * A 405 for a known path called with the wrong method.
   *
   * @param message the allowed methods
   */
  public static ApiException methodNotAllowed(String message) {
    return new ApiException(405, "invalid_request_error", "method_not_allowed", message, 0);
  }

  /**
   * A 409.
   *
   * @param code machine-readable reason
   * @param message the conflict
   */
  public static ApiException conflict(String code, String message) {
    return new ApiException(409, "invalid_request_error", code, message, 0);
  }

  /**
   * A 429 for an exhausted tenant quota.
   *
   * @param message which quota
   * @param retryAfterSeconds seconds until the quota window resets
   */
  public static ApiException quotaExceeded(String message, long retryAfterSeconds) {
    return new ApiException(
        429, "rate_limit_error", "quota_exceeded", message, Math.max(1, retryAfterSeconds));
  }

  /**
   * A 502 for a failed upstream model call.
   *
   * @param message what failed upstream
   */
  public static ApiException badGateway(String message) {
    return new ApiException(502, "upstream_error", "provider_failed", message, 0);
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The OpenAI-style error type. */
  public String type() {
    return type;
  }

  /** The machine-readable error code. */
  public String code() {
    return code;
  }

  /** Seconds the client should wait before retrying, 0 when not applicable. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
