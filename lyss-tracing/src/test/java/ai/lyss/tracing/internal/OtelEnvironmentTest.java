package ai.lyss.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OtelEnvironmentTest {

  private static Map<String, String> keyValues(String variable, String value) {
    return new OtelEnvironment(Map.of(variable, value)::get).keyValues(variable);
  }

  @Test
  void plusInAHeaderValueStaysAPlus() {
    assertThat(keyValues(OtelEnvironment.OTLP_HEADERS, "authorization=Basic a2V5+c2VjcmV0=="))
        .containsEntry("authorization", "Basic a2V5+c2VjcmV0==");
  }

  @Test
  void plusInAResourceAttributeStaysAPlus() {
    assertThat(keyValues(OtelEnvironment.RESOURCE_ATTRIBUTES, "team=c++,tier=a+b"))
        .containsEntry("team", "c++")
        .containsEntry("tier", "a+b");
  }

  @Test
  void percentEscapesAreDecodedAsUtf8() {
    assertThat(
            keyValues(OtelEnvironment.RESOURCE_ATTRIBUTES, "team=ai%20gateway,city=Z%C3%BCrich%2B"))
        .containsEntry("team", "ai gateway")
        .containsEntry("city", "Zürich+");
  }

  @Test
  void malformedEscapeFailsNamingTheVariable() {
    assertThatThrownBy(() -> keyValues(OtelEnvironment.OTLP_HEADERS, "x-token=100%"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OTEL_EXPORTER_OTLP_HEADERS")
        .hasMessageContaining("%25");
  }
}
