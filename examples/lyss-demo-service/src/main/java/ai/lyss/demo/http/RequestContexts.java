package ai.lyss.demo.http;

import ai.lyss.core.LyssHeaders;
import ai.lyss.core.TenantResolver;
import ai.lyss.core.servlet.ServletRequestView;
import ai.lyss.demo.gateway.ApiException;
import ai.lyss.demo.gateway.ApiKeys;
import ai.lyss.demo.gateway.RequestContext;
import ai.lyss.demo.gateway.RequestContext.Fault;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Builds the {@link RequestContext} of an API request from its headers, validating them. */
final class RequestContexts {

  /** Plans a tenant can be on. */
  static final List<String> PLANS = List.of("free", "pro", "enterprise");

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final TenantResolver TENANTS = TenantResolver.fromTenantHeader();

  private RequestContexts() {}

  static RequestContext of(HttpServletRequest request) {
    ApiKeys.refuseRevoked(request.getHeader("Authorization"));
    String tenant = TENANTS.resolve(ServletRequestView.of(request));
    if (tenant == null || tenant.isBlank()) {
      throw ApiException.badRequest(
          "missing_tenant", "Send the tenant in the " + LyssHeaders.TENANT_ID + " header");
    }
    if (!TENANT.matcher(tenant).matches()) {
      throw ApiException.badRequest(
          "invalid_tenant",
          LyssHeaders.TENANT_ID + " must be 1-64 characters of letters, digits, '.', '_' or '-'");
    }
    return new RequestContext(tenant, plan(request), fault(request));
  }

  private static String plan(HttpServletRequest request) {
    String plan = request.getHeader(DemoHeaders.PLAN_TYPE);
    if (plan == null || plan.isBlank()) {
      return "free";
    }
    String normalized = plan.strip().toLowerCase(Locale.ROOT);
    if (!PLANS.contains(normalized)) {
      throw ApiException.badRequest(
          "invalid_plan", DemoHeaders.PLAN_TYPE + " must be one of " + PLANS);
    }
    return normalized;
  }

  private static Fault fault(HttpServletRequest request) {
    String value = request.getHeader(DemoHeaders.DEMO_FAIL);
    if (value == null || value.isBlank()) {
      return Fault.NONE;
    }
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "provider":
        return Fault.PROVIDER;
      case "server":
        return Fault.SERVER;
      case "slow-db":
        return Fault.SLOW_DB;
      default:
        throw ApiException.badRequest(
            "invalid_fault", DemoHeaders.DEMO_FAIL + " must be 'provider', 'server' or 'slow-db'");
    }
  }
}
