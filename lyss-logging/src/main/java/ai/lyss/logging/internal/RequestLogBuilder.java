package ai.lyss.logging.internal;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.TenantResolver;
import ai.lyss.logging.StructuredLogger;
import java.util.ArrayList;
import java.util.List;

/** The settings both request filters share; their builders delegate here. */
public final class RequestLogBuilder {

  private StructuredLogger logger = StructuredLogger.getLogger(RequestLog.LOGGER);
  private TenantResolver tenantResolver = TenantResolver.fromTenantHeader();
  private final List<String> trustedProxies = new ArrayList<>();

  /**
   * Sets the logger.
   *
   * @param logger where request lines go
   */
  public void logger(StructuredLogger logger) {
    this.logger = requireNonNull(logger, "logger");
  }

  /**
   * Sets the tenant resolver.
   *
   * @param tenantResolver finds the tenant of a request
   */
  public void tenantResolver(TenantResolver tenantResolver) {
    this.tenantResolver = requireNonNull(tenantResolver, "tenantResolver");
  }

  /**
   * Adds trusted proxies.
   *
   * @param proxies IP addresses or CIDR ranges
   */
  public void trustedProxies(List<String> proxies) {
    requireNonNull(proxies, "proxies");
    for (String proxy : proxies) {
      trustedProxies.add(requireNonNull(proxy, "proxy"));
    }
  }

  /** Validates and builds; a bad proxy entry throws naming it. */
  public RequestLog build() {
    return new RequestLog(logger, tenantResolver, TrustedProxies.parse(trustedProxies));
  }
}
