package ai.lyss.monitoring.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What can be checked of the Filebeat and Logstash configuration without running them: they parse,
 * write into indices the shipped template matches, and never install the ECS template.
 */
class ShipperConfigTest {

  private static final Path FILEBEAT = Path.of("../filebeat/filebeat.yml");
  private static final Path LOGSTASH = Path.of("../logstash/lyss-logs.conf");
  private static final ObjectMapper YAML = YAMLMapper.builder().build();

  private static JsonNode filebeat() throws Exception {
    return YAML.readTree(Files.readString(FILEBEAT));
  }

  private static String templatePattern() throws Exception {
    JsonNode template = SearchNode.JSON.readTree(Files.readString(LogsInSearchEngineTest.TEMPLATE));
    assertThat(template.path("index_patterns").size()).isEqualTo(1);
    return template.path("index_patterns").get(0).stringValue();
  }

  /** The literal prefix of an index name with a date placeholder, e.g. {@code lyss-logs-}. */
  private static String prefix(String index) {
    return index.substring(0, index.indexOf("%{"));
  }

  @Test
  void filebeatDecodesEachLineAsJsonIntoTheTopLevel() throws Exception {
    JsonNode input = filebeat().path("filebeat.inputs").get(0);

    assertThat(input.path("type").stringValue()).isEqualTo("filestream");
    assertThat(input.path("id").stringValue()).isNotBlank();
    JsonNode ndjson = input.path("parsers").get(0).path("ndjson");
    assertThat(ndjson.path("target").stringValue()).isEmpty();
    assertThat(ndjson.path("overwrite_keys").booleanValue()).isTrue();
    assertThat(ndjson.path("expand_keys").booleanValue()).isFalse();
  }

  @Test
  void filebeatWritesIntoIndicesTheTemplateMatchesWithoutItsEcsTemplate() throws Exception {
    JsonNode config = filebeat();
    String index = config.path("output.elasticsearch").path("index").stringValue();

    assertThat(templatePattern()).isEqualTo(prefix(index) + "*");
    assertThat(config.path("setup.template.enabled").booleanValue()).isFalse();
    assertThat(config.path("setup.ilm.enabled").booleanValue()).isFalse();
    assertThat(config.path("setup.template.pattern").stringValue()).isEqualTo(templatePattern());
  }

  @Test
  void logstashWritesIntoIndicesTheTemplateMatchesWithoutItsEcsTemplate() throws Exception {
    String pipeline = Files.readString(LOGSTASH);
    Matcher index = Pattern.compile("index\\s*=>\\s*\"([^\"]+)\"").matcher(pipeline);

    assertThat(index.find()).isTrue();
    assertThat(templatePattern()).isEqualTo(prefix(index.group(1)) + "*");
    assertThat(pipeline)
        .containsPattern("manage_template\\s*=>\\s*false")
        .containsPattern("data_stream\\s*=>\\s*false")
        .containsPattern("ilm_enabled\\s*=>\\s*false");
  }

  @Test
  void logstashPipelineHasBalancedBraces() throws Exception {
    String pipeline = Files.readString(LOGSTASH).replaceAll("(?m)#.*$", "");
    int depth = 0;
    for (char c : pipeline.toCharArray()) {
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      assertThat(depth).isNotNegative();
    }
    assertThat(depth).isZero();
  }
}
