package ai.lyss.demo.gateway;

import static java.util.Objects.requireNonNull;

/**
 * Who a request is for and which faults it asks for.
 *
 * @param tenantId the validated tenant id
 * @param planType the tenant's plan ({@code free}, {@code pro}, {@code enterprise})
 * @param fault the fault injected with the {@code X-Demo-Fail} header
 */
public record RequestContext(String tenantId, String planType, Fault fault) {

  /** The faults a request can ask for with the {@code X-Demo-Fail} header. */
  public enum Fault {
    /** No fault. */
    NONE,
    /** The model provider call fails (502). */
    PROVIDER,
    /** The endpoint fails with an unexpected error (500). */
    SERVER,
    /** The conversation store's statement takes over a second (a {@code slow query} line). */
    SLOW_DB
  }

  /** Validates the components. */
  public RequestContext {
    requireNonNull(tenantId, "tenantId");
    requireNonNull(planType, "planType");
    requireNonNull(fault, "fault");
  }

  /** Throws the injected server failure, if this request asked for one. */
  public void failIfServerFaultRequested() {
    if (fault == Fault.SERVER) {
      throw new IllegalStateException("Injected server failure (X-Demo-Fail: server)");
    }
  }
}
