package ai.lyss.spring.boot.internal;

import org.springframework.core.Ordered;

/**
 * Where the Lyss filter sits in the chain: early, before Spring Security and the dispatcher, so
 * every signal sees the whole request (and security rejections are recorded like any response).
 */
public final class FilterOrders {

  /** The one Lyss request-pipeline filter. */
  public static final int PIPELINE = Ordered.HIGHEST_PRECEDENCE + 20;

  private FilterOrders() {}
}
