package ai.lyss.core;

/** HTTP header names that the Lyss platform gives a meaning to. */
public final class LyssHeaders {

  /** The tenant a request is made for; the default source of the {@code tenant_id} label. */
  public static final String TENANT_ID = "X-Tenant-ID";

  /** The request id, propagated when valid and echoed in the response. */
  public static final String REQUEST_ID = "X-Request-ID";

  /** The client address chain added by proxies; trusted only from configured proxies. */
  public static final String FORWARDED_FOR = "X-Forwarded-For";

  private LyssHeaders() {}
}
