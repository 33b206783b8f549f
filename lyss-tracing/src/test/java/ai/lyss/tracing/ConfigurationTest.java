package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.testing.OtlpReceiver;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();

  private static LyssTracingBuilder base() {
    return LyssTracing.builder().serviceName("svc").registerGlobal(false).envLookup(name -> null);
  }

  private LyssTracingBuilder withEnv(Map<String, String> env) {
    return TestTracing.builder(spans).envLookup(env::get);
  }

  private SpanData oneSpan(LyssTracing tracing) {
    tracing.tracer().spanBuilder("probe").startSpan().end();
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    return spans.getFinishedSpanItems().get(0);
  }

  @Test
  void anExplicitUnknownServiceNameIsTheCallersChoice() {
    LyssTracing tracing = withEnv(Map.of()).serviceName("unknown_service:java").build();
    try {
      assertThat(
              oneSpan(tracing).getResource().getAttribute(AttributeKey.stringKey("service.name")))
          .isEqualTo("unknown_service:java");
    } finally {
      tracing.close();
    }
  }

  @Test
  void emptyServiceNameFailsNamingTheSetting() {
    assertThatThrownBy(() -> base().serviceName("  ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serviceName")
        .hasMessageContaining("OTEL_SERVICE_NAME");
  }

  @Test
  void missingServiceNameFailsNamingTheSetting() {
    assertThatThrownBy(
            () -> LyssTracing.builder().registerGlobal(false).envLookup(n -> null).build())
        .hasMessageContaining("serviceName");
  }

  @Test
  void samplingRatioAboveOneFailsNamingTheSetting() {
    assertThatThrownBy(() -> base().samplingRatio(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("samplingRatio")
        .hasMessageContaining("1.5");
  }

  @Test
  void negativeSamplingRatioFails() {
    assertThatThrownBy(() -> base().samplingRatio(-0.1)).hasMessageContaining("samplingRatio");
  }

  @Test
  void samplerArgOutsideRangeFailsNamingTheVariable() {
    var env = Map.of("OTEL_TRACES_SAMPLER", "traceidratio", "OTEL_TRACES_SAMPLER_ARG", "7");
    assertThatThrownBy(() -> withEnv(env).build()).hasMessageContaining("OTEL_TRACES_SAMPLER_ARG");
  }

  @Test
  void endpointThatIsNotAUrlFailsNamingTheSetting() {
    assertThatThrownBy(() -> base().endpoint("localhost:4318 /v1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoint=")
        .hasMessageContaining("not a valid URL");
  }

  @Test
  void endpointWithoutHttpSchemeFails() {
    assertThatThrownBy(() -> base().endpoint("ftp://collector:4318").build())
        .hasMessageContaining("endpoint=")
        .hasMessageContaining("http://");
  }

  @Test
  void httpProtocolToTheGrpcPortIsReported() {
    assertThatThrownBy(() -> base().endpoint("http://jaeger:4317").build())
        .hasMessageContaining("port 4317")
        .hasMessageContaining("use port 4318");
  }

  @Test
  void grpcProtocolToTheHttpPortIsReported() {
    assertThatThrownBy(
            () -> base().protocol(OtlpProtocol.GRPC).endpoint("http://jaeger:4318").build())
        .hasMessageContaining("port 4318")
        .hasMessageContaining("use port 4317");
  }

  @Test
  void grpcWithoutAGrpcSenderFailsWithTheFix() {
    assertThatThrownBy(
            () ->
                base()
                    .protocol(OtlpProtocol.GRPC)
                    .otlpSender(OtlpSender.JDK)
                    .endpoint("http://127.0.0.1:4317")
                    .build())
        .hasMessageContaining("opentelemetry-exporter-sender-okhttp");
  }

  @Test
  void unsupportedProtocolVariableFailsNamingIt() {
    var env = Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");
    assertThatThrownBy(() -> withEnv(env).otlpExport(true).build())
        .hasMessageContaining("OTEL_EXPORTER_OTLP_PROTOCOL=http/json");
  }

  @Test
  void endpointVariableMismatchNamesTheVariable() {
    var env = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317");
    assertThatThrownBy(() -> withEnv(env).build())
        .hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT");
  }

  @Test
  void defaultEndpointIsLocalOtlpHttp() {
    try (LyssTracing tracing = base().closeTimeout(Duration.ofSeconds(1)).build()) {
      assertThat(tracing.toString())
          .contains("endpoint=http://localhost:4318/v1/traces")
          .contains("protocol=http/protobuf")
          .contains("propagators=[TRACECONTEXT, BAGGAGE]");
    }
  }

  @Test
  void serviceNameAndResourceAttributesComeFromTheEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("OTEL_SERVICE_NAME", "from-env");
    env.put("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=prod,team=ai%20gateway");
    try (LyssTracing tracing =
        LyssTracing.builder()
            .registerGlobal(false)
            .otlpExport(false)
            .envLookup(env::get)
            .addSpanProcessor(io.opentelemetry.sdk.trace.export.SimpleSpanProcessor.create(spans))
            .build()) {
      var resource = oneSpan(tracing).getResource();
      assertThat(resource.getAttribute(TracingAttributes.SERVICE_NAME)).isEqualTo("from-env");
      assertThat(resource.getAttribute(TracingAttributes.DEPLOYMENT_ENVIRONMENT_NAME))
          .isEqualTo("prod");
      assertThat(resource.getAttribute(AttributeKey.stringKey("team"))).isEqualTo("ai gateway");
    }
  }

  @Test
  void explicitSettingsWinOverTheEnvironment() {
    var env =
        Map.of(
            "OTEL_SERVICE_NAME", "from-env",
            "OTEL_TRACES_SAMPLER", "always_off",
            "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=prod");
    try (LyssTracing tracing =
        withEnv(env).serviceName("from-code").environment("dev").samplingRatio(1.0).build()) {
      var resource = oneSpan(tracing).getResource();
      assertThat(resource.getAttribute(TracingAttributes.SERVICE_NAME)).isEqualTo("from-code");
      assertThat(resource.getAttribute(TracingAttributes.DEPLOYMENT_ENVIRONMENT_NAME))
          .isEqualTo("dev");
    }
  }

  @Test
  void samplerVariableIsHonoured() {
    try (LyssTracing tracing = withEnv(Map.of("OTEL_TRACES_SAMPLER", "always_off")).build()) {
      tracing.tracer().spanBuilder("dropped by sampler").startSpan().end();
      assertThat(spans.getFinishedSpanItems()).isEmpty();
    }
  }

  @Test
  void samplingRatioZeroKeepsNoNewTrace() {
    try (LyssTracing tracing = TestTracing.builder(spans).samplingRatio(0.0).build()) {
      tracing.tracer().spanBuilder("not kept").startSpan().end();
      assertThat(spans.getFinishedSpanItems()).isEmpty();
    }
  }

  @Test
  void propagatorsVariableIsHonoured() {
    try (LyssTracing tracing = withEnv(Map.of("OTEL_PROPAGATORS", "b3multi")).build()) {
      assertThat(tracing.getOpenTelemetry().getPropagators().getTextMapPropagator().fields())
          .contains("X-B3-TraceId")
          .doesNotContain("traceparent");
    }
  }

  @Test
  void unknownPropagatorFailsNamingTheVariable() {
    assertThatThrownBy(() -> withEnv(Map.of("OTEL_PROPAGATORS", "xray")).build())
        .hasMessageContaining("OTEL_PROPAGATORS")
        .hasMessageContaining("xray");
  }

  @Test
  void endpointVariableIsUsedWithTheTracesPath() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      var env =
          Map.of(
              "OTEL_SERVICE_NAME",
              "env-endpoint",
              "OTEL_EXPORTER_OTLP_ENDPOINT",
              receiver.baseUrl());
      try (LyssTracing tracing =
          LyssTracing.builder().registerGlobal(false).envLookup(env::get).build()) {
        tracing.tracer().spanBuilder("sent").startSpan().end();
      }
      assertThat(receiver.spans()).extracting(s -> s.getName()).containsExactly("sent");
    }
  }

  @Test
  void tracesExporterNoneSwitchesOtlpOff() {
    try (LyssTracing tracing =
        withEnv(Map.of("OTEL_TRACES_EXPORTER", "none")).otlpExport(false).build()) {
      assertThat(tracing.toString()).contains("otlp=false");
    }
    var env = Map.of("OTEL_SERVICE_NAME", "x", "OTEL_TRACES_EXPORTER", "none");
    try (LyssTracing tracing =
        LyssTracing.builder().registerGlobal(false).envLookup(env::get).build()) {
      assertThat(tracing.toString()).contains("otlp=false");
    }
  }
}
