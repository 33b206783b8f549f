package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.HealthRegistry;
import ai.lyss.metrics.LyssMetricsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The jar carries IDE metadata for every {@code lyss.*} property, with defaults. */
class ConfigurationMetadataTest {

  @Test
  void everyModuleSwitchIsDescribedWithItsDefault() throws IOException {
    JsonNode metadata = metadata();

    for (String module : List.of("metrics", "logging", "tracing", "health")) {
      JsonNode property = property(metadata, "lyss." + module + ".enabled");
      assertThat(property.path("defaultValue").asBoolean()).as(module).isTrue();
      assertThat(property.path("description").asString()).as(module).isNotBlank();
    }
  }

  @Test
  void capsCarryTheLibraryDefaults() throws IOException {
    JsonNode metadata = metadata();

    assertThat(
            property(metadata, "lyss.metrics.max-tenants-per-metric").path("defaultValue").asInt())
        .isEqualTo(100);
    assertThat(property(metadata, "lyss.metrics.endpoint-path").path("defaultValue").asString())
        .isEqualTo("/metrics");
    assertThat(property(metadata, "lyss.health.default-timeout").path("defaultValue").asString())
        .isEqualTo("5s");
  }

  @Test
  void jdbcWrappingSettingsAreDescribedWithTheirDefaults() throws IOException {
    JsonNode metadata = metadata();

    assertThat(property(metadata, "lyss.tracing.jdbc.enabled").path("defaultValue").asBoolean())
        .isTrue();
    assertThat(
            property(metadata, "lyss.tracing.jdbc.slow-query-threshold")
                .path("defaultValue")
                .asString())
        .isEqualTo("1s");
  }

  @Test
  void propertyDefaultsEqualTheLibraryDefaults() {
    LyssMetricsProperties metrics = new LyssMetricsProperties();
    LyssHealthProperties health = new LyssHealthProperties();

    assertThat(metrics.getMaxTenantsPerMetric())
        .isEqualTo(LyssMetricsBuilder.DEFAULT_MAX_TENANTS_PER_METRIC);
    assertThat(metrics.getMaxEndpointsPerMetric())
        .isEqualTo(LyssMetricsBuilder.DEFAULT_MAX_ENDPOINTS_PER_METRIC);
    assertThat(metrics.getMaxValuesPerLabel())
        .isEqualTo(LyssMetricsBuilder.DEFAULT_MAX_VALUES_PER_LABEL);
    assertThat(health.getDefaultTimeout()).isEqualTo(HealthRegistry.DEFAULT_TIMEOUT);
    assertThat(health.getDeadline()).isEqualTo(HealthRegistry.DEFAULT_DEADLINE);
  }

  private static JsonNode metadata() throws IOException {
    try (InputStream in =
        ConfigurationMetadataTest.class
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      return JsonMapper.builder().build().readTree(in);
    }
  }

  private static JsonNode property(JsonNode metadata, String name) {
    List<String> names = new ArrayList<>();
    for (JsonNode property : metadata.path("properties")) {
      names.add(property.path("name").asString());
      if (property.path("name").asString().equals(name)) {
        return property;
      }
    }
    throw new AssertionError(name + " is not in the metadata: " + names);
  }
}
