package ai.lyss.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.tracing.OtlpProtocol;
import ai.lyss.tracing.OtlpSender;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExportersTest {

  /** The test class path without any OpenTelemetry sender (as if its jar were missing). */
  private static final ClassLoader WITHOUT_SENDERS =
      new ClassLoader(ExportersTest.class.getClassLoader()) {
        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
          return SenderClassLoader.isSenderService(name)
              ? Collections.emptyEnumeration()
              : super.getResources(name);
        }
      };

  private static void withoutSenders(OtlpSender sender, String chosenBy) {
    Exporters.otlp(
        OtlpProtocol.HTTP_PROTOBUF,
        "http://127.0.0.1:4318/v1/traces",
        Duration.ofSeconds(1),
        Map.of(),
        sender,
        chosenBy,
        WITHOUT_SENDERS);
  }

  @Test
  void missingSenderFailsNamingItsArtifactAndTheOtherSender() {
    assertThatThrownBy(() -> withoutSenders(OtlpSender.OKHTTP, "LYSS_OTLP_SENDER"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("io.opentelemetry:opentelemetry-exporter-sender-okhttp")
        .hasMessageContaining("chosen by LYSS_OTLP_SENDER")
        .hasMessageContaining("LYSS_OTLP_SENDER=jdk");
  }

  @Test
  void missingDefaultSenderSaysItIsTheDefault() {
    assertThatThrownBy(() -> withoutSenders(OtlpSender.JDK, "default, LYSS_OTLP_SENDER unset"))
        .hasMessageContaining("io.opentelemetry:opentelemetry-exporter-sender-jdk")
        .hasMessageContaining("default")
        .hasMessageContaining("LYSS_OTLP_SENDER=okhttp");
  }

  @Test
  void exporterIsConfiguredNowAndBuiltAtTheFirstExport() {
    SpanExporter exporter =
        Exporters.otlp(
            OtlpProtocol.HTTP_PROTOBUF,
            "http://127.0.0.1:4318/v1/traces",
            Duration.ofSeconds(1),
            Map.of(),
            OtlpSender.JDK,
            "default");
    assertThat(exporter).isInstanceOf(DeferredSpanExporter.class);
    assertThat(((DeferredSpanExporter) exporter).isBuilt()).isFalse();
    assertThat(exporter.flush().isSuccess()).isTrue();
    assertThat(((DeferredSpanExporter) exporter).isBuilt()).isFalse();
    exporter.export(List.of()).join(2, TimeUnit.SECONDS);
    assertThat(((DeferredSpanExporter) exporter).isBuilt()).isTrue();
    assertThat(exporter.toString()).contains("OtlpHttpSpanExporter");
    assertThat(exporter.shutdown().join(2, TimeUnit.SECONDS).isSuccess()).isTrue();
  }

  @Test
  void badEndpointStillFailsWhenConfigured() {
    assertThatThrownBy(
            () ->
                Exporters.otlp(
                    OtlpProtocol.HTTP_PROTOBUF,
                    "not a url",
                    Duration.ofSeconds(1),
                    Map.of(),
                    OtlpSender.JDK,
                    "default"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
