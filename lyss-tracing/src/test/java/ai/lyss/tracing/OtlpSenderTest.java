package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.testing.OtlpReceiver;
import ai.lyss.testing.Poll;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which HTTP client sends the spans. The receiver tells them apart by their Connection header:
 * OkHttp sends {@code Keep-Alive}, the JDK's HttpClient offers an HTTP/2 upgrade.
 */
class OtlpSenderTest {

  private static final String OKHTTP = "Keep-Alive";
  private static final String JDK = "Upgrade, HTTP2-Settings";

  private static LyssTracingBuilder toReceiver(OtlpReceiver receiver) {
    return LyssTracing.builder()
        .serviceName("sender-test")
        .endpoint(receiver.tracesUrl())
        .registerGlobal(false)
        .envLookup(name -> null)
        .scheduleDelay(Duration.ofMillis(20));
  }

  private static String connectionHeaderOfOneExport(
      LyssTracingBuilder builder, OtlpReceiver receiver) {
    try (LyssTracing tracing = builder.build()) {
      tracing.tracer().spanBuilder("one").startSpan().end();
      Poll.until("an export", () -> !receiver.connectionHeaders().isEmpty());
    }
    return receiver.connectionHeaders().get(0);
  }

  @Test
  void theJdkHttpClientIsTheDefaultSender() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      assertThat(connectionHeaderOfOneExport(toReceiver(receiver), receiver)).isEqualTo(JDK);
    }
  }

  @Test
  void builderChoosesTheOkHttpSender() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      LyssTracingBuilder builder = toReceiver(receiver).otlpSender(OtlpSender.OKHTTP);
      assertThat(connectionHeaderOfOneExport(builder, receiver)).isEqualTo(OKHTTP);
    }
  }

  @Test
  void environmentVariableChoosesTheOkHttpSender() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      LyssTracingBuilder builder =
          toReceiver(receiver).envLookup(Map.of("LYSS_OTLP_SENDER", "okhttp")::get);
      assertThat(connectionHeaderOfOneExport(builder, receiver)).isEqualTo(OKHTTP);
    }
  }

  @Test
  void systemPropertyWinsOverTheEnvironmentVariable() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      LyssTracingBuilder builder =
          toReceiver(receiver).envLookup(Map.of("LYSS_OTLP_SENDER", "jdk")::get);
      builder.systemPropertyLookup = Map.of("LYSS_OTLP_SENDER", "OkHttp")::get;
      assertThat(connectionHeaderOfOneExport(builder, receiver)).isEqualTo(OKHTTP);
    }
  }

  @Test
  void builderWinsOverTheSystemProperty() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      LyssTracingBuilder builder = toReceiver(receiver).otlpSender(OtlpSender.JDK);
      builder.systemPropertyLookup = Map.of("LYSS_OTLP_SENDER", "okhttp")::get;
      assertThat(connectionHeaderOfOneExport(builder, receiver)).isEqualTo(JDK);
    }
  }

  @Test
  void unknownSenderFailsNamingTheSettingAndTheChoices() {
    LyssTracingBuilder builder =
        LyssTracing.builder()
            .serviceName("sender-test")
            .registerGlobal(false)
            .envLookup(Map.of("LYSS_OTLP_SENDER", "netty")::get);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LYSS_OTLP_SENDER=netty")
        .hasMessageContaining("okhttp")
        .hasMessageContaining("jdk");
  }

  @Test
  void grpcWithTheJdkSenderFailsNamingTheFix() {
    LyssTracingBuilder builder =
        LyssTracing.builder()
            .serviceName("sender-test")
            .registerGlobal(false)
            .envLookup(name -> null)
            .protocol(OtlpProtocol.GRPC)
            .endpoint("http://127.0.0.1:4317")
            .otlpSender(OtlpSender.JDK);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GRPC")
        .hasMessageContaining("okhttp");
  }
}
