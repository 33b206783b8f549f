package ai.lyss.metrics.internal;

import ai.lyss.core.LabelValues;

/** Bounds the {@code method} label: the standard methods, {@code unknown}, else {@code _OTHER}. */
public final class HttpMethods {

  /** What a non-standard method is recorded as (the OpenTelemetry convention's value). */
  public static final String OTHER = "_OTHER";

  private HttpMethods() {}

  /**
   * The label value for a request method, without allocating.
   *
   * @param method the method as sent, may be {@code null}
   */
  public static String normalize(@org.jspecify.annotations.Nullable String method) {
    if (method == null) {
      return LabelValues.UNKNOWN;
    }
    switch (method) {
      case "GET":
        return "GET";
      case "POST":
        return "POST";
      case "PUT":
        return "PUT";
      case "DELETE":
        return "DELETE";
      case "PATCH":
        return "PATCH";
      case "HEAD":
        return "HEAD";
      case "OPTIONS":
        return "OPTIONS";
      case "TRACE":
        return "TRACE";
      case "CONNECT":
        return "CONNECT";
      case "unknown":
      case "":
        return LabelValues.UNKNOWN;
      default:
        return OTHER;
    }
  }
}
