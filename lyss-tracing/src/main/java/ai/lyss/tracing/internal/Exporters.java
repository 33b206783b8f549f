package ai.lyss.tracing.internal;

import ai.lyss.tracing.OtlpProtocol;
import ai.lyss.tracing.OtlpSender;
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

  /** The setting that chooses the sender, read as a system property or environment variable. */
  public static final String SENDER_SETTING = "LYSS_OTLP_SENDER";

  private static final String[] HTTP_SERVICES = {
    "META-INF/services/io.opentelemetry.sdk.common.export.HttpSenderProvider",
    "META-INF/services/io.opentelemetry.exporter.internal.http.HttpSenderProvider"
  };

  private static final String[] GRPC_SERVICES = {
    "META-INF/services/io.opentelemetry.sdk.common.export.GrpcSenderProvider",
    "META-INF/services/io.opentelemetry.exporter.internal.grpc.GrpcSenderProvider"
  };

  /**
   * An OTLP span exporter sending with {@code sender}. The settings are checked now; the exporter
   * and its HTTP client are built when the first batch is exported ({@link DeferredSpanExporter}),
   * off the start-up path.
   *
   * @param protocol the transport
   * @param endpoint the validated endpoint
   * @param timeout per-export timeout (also the connect timeout)
   * @param headers extra request headers
   * @param sender the HTTP client to send with
   * @param senderSetting what chose the sender, for error messages
   * @throws IllegalStateException when the chosen sender is not on the class path
   */
  public static SpanExporter otlp(
      OtlpProtocol protocol,
      String endpoint,
      Duration timeout,
      Map<String, String> headers,
      OtlpSender sender,
      String senderSetting) {
    return otlp(
        protocol,
        endpoint,
        timeout,
        headers,
        sender,
        senderSetting,
        Exporters.class.getClassLoader());
  }

  static SpanExporter otlp(
      OtlpProtocol protocol,
      String endpoint,
      Duration timeout,
      Map<String, String> headers,
      OtlpSender sender,
      String senderSetting,
      ClassLoader classes) {
    SenderClassLoader loader = new SenderClassLoader(classes, sender);
    if (protocol == OtlpProtocol.GRPC) {
      if (!provides(loader, GRPC_SERVICES)) {
        throw new IllegalStateException(
            "protocol GRPC needs a gRPC sender, which OTLP sender "
                + sender.settingValue()
                + " (chosen by "
                + senderSetting
                + ") does not provide"
                + (sender == OtlpSender.JDK ? "" : " or is not on the class path")
                + ": use sender okhttp with io.opentelemetry:opentelemetry-exporter-sender-okhttp"
                + " on the class path, or protocol HTTP_PROTOBUF (the default, port 4318)");
      }
      OtlpGrpcSpanExporterBuilder builder =
          OtlpGrpcSpanExporter.builder()
              .setEndpoint(endpoint)
              .setTimeout(timeout)
              .setConnectTimeout(timeout)
              .setServiceClassLoader(loader);
      headers.forEach(builder::addHeader);
      return new DeferredSpanExporter(builder::build, "OTLP gRPC to " + endpoint);
    }
    if (!provides(loader, HTTP_SERVICES)) {
      OtlpSender other = other(sender);
      throw new IllegalStateException(
          "OTLP sender "
              + sender.settingValue()
              + " (chosen by "
              + senderSetting
              + ") needs io.opentelemetry:"
              + sender.artifactId()
              + " on the class path: add that dependency (the version of opentelemetry-sdk), or"
              + " choose the other sender with "
              + SENDER_SETTING
              + "="
              + other.settingValue()
              + " or otlpSender(OtlpSender."
              + other.name()
              + ")");
    }
    OtlpHttpSpanExporterBuilder builder =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(endpoint)
            .setTimeout(timeout)
            .setConnectTimeout(timeout)
            .setServiceClassLoader(loader);
    headers.forEach(builder::addHeader);
    return new DeferredSpanExporter(builder::build, "OTLP HTTP to " + endpoint);
  }

  private static boolean provides(SenderClassLoader loader, String[] services) {
    for (String service : services) {
      if (loader.provides(service)) {
        return true;
      }
    }
    return false;
  }

  private static OtlpSender other(OtlpSender sender) {
    return sender == OtlpSender.OKHTTP ? OtlpSender.JDK : OtlpSender.OKHTTP;
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
