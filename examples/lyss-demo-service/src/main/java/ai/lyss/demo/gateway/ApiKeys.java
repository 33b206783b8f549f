package ai.lyss.demo.gateway;

import ai.lyss.logging.Severity;
import ai.lyss.logging.StructuredLogger;
import org.jspecify.annotations.Nullable;

/**
 * The demo's API-key check: a bearer key starting with {@value #REVOKED_PREFIX} is a revoked key,
 * refused with 401 and a high-severity SECURITY event ({@value #REVOKED_EVENT}). Any other key, or
 * none, is accepted (the demo has no key store).
 */
public final class ApiKeys {

  /** Keys with this prefix are treated as revoked. */
  public static final String REVOKED_PREFIX = "revoked-";

  /** The security event type of a revoked key's use. */
  public static final String REVOKED_EVENT = "api_key.revoked";

  private static final StructuredLogger LOG = StructuredLogger.getLogger(ApiKeys.class);
  private static final String BEARER = "bearer ";

  private ApiKeys() {}

  /**
   * Refuses a request that presents a revoked key.
   *
   * @param authorization the {@code Authorization} header, or null
   * @throws ApiException 401 when the key is revoked
   */
  public static void refuseRevoked(@Nullable String authorization) {
    if (authorization == null) {
      return;
    }
    String value = authorization.strip();
    if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())
        && value.substring(BEARER.length()).strip().startsWith(REVOKED_PREFIX)) {
      // The key itself never reaches the log: the description says what happened, not which key.
      LOG.security(REVOKED_EVENT, Severity.HIGH, "Request refused: the API key was revoked");
      throw ApiException.unauthorized("invalid_api_key", "The API key was revoked");
    }
  }
}
