package ai.lyss.core;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Finds the tenant a request belongs to. One method, so a service can plug in its own rule (a JWT
 * claim, a sub-domain, an API-key lookup) as a lambda.
 *
 * <p>Implementations must not throw; callers treat a {@code null} or blank result as {@link
 * #UNKNOWN_TENANT}.
 */
@FunctionalInterface
public interface TenantResolver {

  /** The tenant value used when a request names none. */
  String UNKNOWN_TENANT = "unknown";

  /** The tenant value metrics record once a metric's tenant budget is used up. */
  String OVERFLOW_TENANT = "__overflow__";

  /**
   * Whether a tenant id is one of the values Lyss itself records ({@value #UNKNOWN_TENANT}, {@value
   * #OVERFLOW_TENANT}, in any case), which no client may claim.
   *
   * @param tenant a tenant id
   */
  static boolean isReserved(String tenant) {
    return tenant.equalsIgnoreCase(UNKNOWN_TENANT) || tenant.equalsIgnoreCase(OVERFLOW_TENANT);
  }

  /**
   * Returns the tenant id of the request, or {@code null} when it has none.
   *
   * @param request the incoming request
   */
  @Nullable String resolve(RequestView request);

  /** The platform default: the {@value LyssHeaders#TENANT_ID} header. */
  static TenantResolver fromTenantHeader() {
    return fromHeader(LyssHeaders.TENANT_ID);
  }

  /**
   * Reads the tenant from a request header.
   *
   * @param headerName the header to read
   */
  static TenantResolver fromHeader(String headerName) {
    requireNonNull(headerName, "headerName");
    if (headerName.isBlank()) {
      throw new IllegalArgumentException("headerName must not be blank: name the tenant header");
    }
    return request -> request.header(headerName);
  }

  /**
   * Resolves the tenant of a request with this resolver, never throwing: a failing resolver or a
   * blank result gives {@link #UNKNOWN_TENANT}. The value is not sanitised; label and log code
   * applies its own limits.
   *
   * @param request the incoming request
   */
  default String resolveOrUnknown(RequestView request) {
    String tenant;
    try {
      tenant = resolve(request);
    } catch (RuntimeException e) {
      return UNKNOWN_TENANT;
    }
    return tenant == null || tenant.isBlank() ? UNKNOWN_TENANT : tenant.strip();
  }
}
