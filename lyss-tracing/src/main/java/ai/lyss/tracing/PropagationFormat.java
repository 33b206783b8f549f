package ai.lyss.tracing;

/** Wire formats for trace context; names as in {@code OTEL_PROPAGATORS}. */
public enum PropagationFormat {
  /** W3C {@code traceparent}/{@code tracestate}; on by default. */
  TRACECONTEXT("tracecontext"),
  /** W3C {@code baggage}; on by default. */
  BAGGAGE("baggage"),
  /** Zipkin B3, single {@code b3} header. */
  B3("b3"),
  /** Zipkin B3, multiple {@code X-B3-*} headers. */
  B3_MULTI("b3multi");

  private final String otelName;

  PropagationFormat(String otelName) {
    this.otelName = otelName;
  }

  /** The name used by {@code OTEL_PROPAGATORS}. */
  public String otelName() {
    return otelName;
  }
}
