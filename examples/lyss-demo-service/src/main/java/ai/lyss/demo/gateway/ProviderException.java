package ai.lyss.demo.gateway;

import static java.util.Objects.requireNonNull;

/** A failed call to the (simulated) model provider. */
public final class ProviderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String errorType;

  /**
   * Creates the failure.
   *
   * @param errorType low-cardinality failure kind ({@code timeout}, {@code overloaded}, ...)
   * @param message what happened
   */
  public ProviderException(String errorType, String message) {
    super(requireNonNull(message, "message"), null, false, false);
    this.errorType = requireNonNull(errorType, "errorType");
  }

  /** The failure kind, used as the span's {@code error.type}. */
  public String errorType() {
    return errorType;
  }
}
