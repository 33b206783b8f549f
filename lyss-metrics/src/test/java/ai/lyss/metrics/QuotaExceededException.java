package ai.lyss.metrics;

/** A test exception that services map to 429. */
public final class QuotaExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QuotaExceededException() {
    super("quota exhausted");
  }
}
