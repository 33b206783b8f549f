package ai.lyss.spring.boot.internal;

import org.springframework.core.Ordered;

/**
 * Where the Lyss filter sits in the chain: early, before Spring Security and the dispatcher, so
 * every signal sees the whole request (and security rejections are recorded like any response).
 */
public final class FilterOrders {

  /** The one Lyss request-pipeline filter. */
  public static final int PIPELINE = Ordered.HIGHEST_PRECEDENCE + 20;

  /** Puts a failed request's log context back for the container: just outside the pipeline. */
  public static final int ERROR_CONTEXT_RESTORE = PIPELINE - 1;

  /** Copies a failed request's log context: just inside the pipeline. */
  public static final int ERROR_CONTEXT_CAPTURE = PIPELINE + 1;

  private FilterOrders() {}
}
