package ai.lyss.demo.http;

/** Request headers the demo gateway reads besides the platform's {@code X-Tenant-ID}. */
public final class DemoHeaders {

  /** Fault injection: {@code provider} makes the model call fail, {@code server} gives a 500. */
  public static final String DEMO_FAIL = "X-Demo-Fail";

  /** The tenant's plan, {@code free} (default), {@code pro} or {@code enterprise}. */
  public static final String PLAN_TYPE = "X-Plan-Type";

  private DemoHeaders() {}
}
