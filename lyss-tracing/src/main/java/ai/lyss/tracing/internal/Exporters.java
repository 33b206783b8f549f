package ai.lyss.tracing.internal;

import ai.lyss.tracing.OtlpProtocol;
import ai.lyss.tracing.PropagationFormat;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the OTLP exporter and the propagators from resolved settings. */
public final class Exporters {

  private Exporters() {}

  /**
   * An OTLP span exporter.
   *
   * @param protocol the transport
   * @param endpoint the validated endpoint
   * @param timeout per-export timeout (also the connect timeout)
   * @param headers extra request headers
   */
  public static SpanExporter otlp(
      OtlpProtocol protocol, String endpoint, Duration timeout, Map<String, String> headers) {
    if (protocol == OtlpProtocol.GRPC) {
      OtlpGrpcSpanExporterBuilder builder =
          OtlpGrpcSpanExporter.builder()
              .setEndpoint(endpoint)
              .setTimeout(timeout)
              .setConnectTimeout(timeout);
      headers.forEach(builder::addHeader);
      try {
        return builder.build();
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            "protocol GRPC needs a gRPC sender on the class path, which lyss-tracing does not ship:"
                + " add io.opentelemetry:opentelemetry-exporter-sender-okhttp, or use protocol"
                + " HTTP_PROTOBUF (the default, port 4318)",
            e);
      }
    }
    OtlpHttpSpanExporterBuilder builder =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(endpoint)
            .setTimeout(timeout)
            .setConnectTimeout(timeout);
    headers.forEach(builder::addHeader);
    return builder.build();
  }

  /**
   * Propagators in the order given; injecting writes every format, extracting takes the first that
   * finds a context.
   *
   * @param formats the formats
   */
  public static ContextPropagators propagators(List<PropagationFormat> formats) {
    List<TextMapPropagator> propagators = new ArrayList<>();
    for (PropagationFormat format : formats) {
      switch (format) {
        case TRACECONTEXT:
          propagators.add(W3CTraceContextPropagator.getInstance());
          break;
        case BAGGAGE:
          propagators.add(W3CBaggagePropagator.getInstance());
          break;
        case B3:
          propagators.add(B3Propagator.injectingSingleHeader());
          break;
        case B3_MULTI:
          propagators.add(B3Propagator.injectingMultiHeaders());
          break;
      }
    }
    return ContextPropagators.create(TextMapPropagator.composite(propagators));
  }
}
