package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.OtlpReceiver;
import ai.lyss.testing.Poll;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OtlpExportTest {

  private static Map<String, String> strings(List<KeyValue> attributes) {
    return attributes.stream()
        .filter(kv -> kv.getValue().hasStringValue())
        .collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
  }

  private static LyssTracing start(OtlpReceiver receiver) {
    return LyssTracing.builder()
        .serviceName("model-router")
        .serviceVersion("1.4.2")
        .environment("staging")
        .endpoint(receiver.tracesUrl())
        .registerGlobal(false)
        .envLookup(name -> null)
        .scheduleDelay(Duration.ofMillis(50))
        .build();
  }

  @Test
  void exportedRequestCarriesTheServiceResource() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      try (LyssTracing tracing = start(receiver)) {
        tracing.tracer().spanBuilder("one").startSpan().end();
      }
      Poll.until("an export", () -> !receiver.spans().isEmpty());
      Resource resource = receiver.resourceSpans().get(0).getResource();
      assertThat(strings(resource.getAttributesList()))
          .containsEntry("service.name", "model-router")
          .containsEntry("service.version", "1.4.2")
          .containsEntry("deployment.environment.name", "staging")
          .containsEntry("telemetry.sdk.language", "java");
      assertThat(receiver.contentTypes()).allMatch(t -> t.startsWith("application/x-protobuf"));
    }
  }

  @Test
  void parentAndChildShareTheTraceAndLinkExactly() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      String traceId;
      String parentId;
      try (LyssTracing tracing = start(receiver)) {
        Span parent = tracing.tracer().spanBuilder("handle request").startSpan();
        traceId = parent.getSpanContext().getTraceId();
        parentId = parent.getSpanContext().getSpanId();
        Scope scope = parent.makeCurrent();
        try {
          tracing.traced("load conversation", () -> "ok");
        } finally {
          scope.close();
          parent.end();
        }
      }
      Poll.until("two spans", () -> receiver.spans().size() == 2);
      var byName =
          receiver.spans().stream()
              .collect(Collectors.toMap(io.opentelemetry.proto.trace.v1.Span::getName, s -> s));
      var parent = byName.get("handle request");
      var child = byName.get("load conversation");
      HexFormat hex = HexFormat.of();
      assertThat(hex.formatHex(parent.getTraceId().toByteArray())).isEqualTo(traceId);
      assertThat(hex.formatHex(child.getTraceId().toByteArray())).isEqualTo(traceId);
      assertThat(hex.formatHex(parent.getSpanId().toByteArray())).isEqualTo(parentId);
      assertThat(parent.getParentSpanId().isEmpty()).isTrue();
      assertThat(child.getParentSpanId()).isEqualTo(parent.getSpanId());
      assertThat(strings(child.getAttributesList()))
          .containsEntry("function.result", "success")
          .containsEntry("function.name", "load conversation");
    }
  }

  @Test
  void closeFlushesSpansStillQueued() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      LyssTracing tracing =
          LyssTracing.builder()
              .serviceName("flush-test")
              .endpoint(receiver.tracesUrl())
              .registerGlobal(false)
              .envLookup(name -> null)
              .scheduleDelay(Duration.ofMinutes(10))
              .build();
      for (int i = 0; i < 25; i++) {
        tracing.tracer().spanBuilder("queued-" + i).startSpan().end();
      }
      tracing.close();
      assertThat(receiver.spans()).hasSize(25);
    }
  }
}
