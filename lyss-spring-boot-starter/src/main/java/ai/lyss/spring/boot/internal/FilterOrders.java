package ai.lyss.spring.boot.internal;

import org.springframework.core.Ordered;

/**
 * Where the Lyss servlet filters sit in the chain: tracing first (so log lines and exemplars see
 * the span), then request logging (so metrics and handlers see the request id), then metrics. All
 * run before Spring Security and the dispatcher.
 */
public final class FilterOrders {

  /** The tracing filter. */
  public static final int TRACING = Ordered.HIGHEST_PRECEDENCE + 20;

  /** The request-logging filter. */
  public static final int REQUEST_LOGGING = Ordered.HIGHEST_PRECEDENCE + 30;

  /** The metrics filter. */
  public static final int METRICS = Ordered.HIGHEST_PRECEDENCE + 40;

  private FilterOrders() {}
}
