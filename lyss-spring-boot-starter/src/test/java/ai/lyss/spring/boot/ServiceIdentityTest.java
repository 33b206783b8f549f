package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.spring.boot.internal.ServiceIdentity;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Where the service's name and version come from, in order. */
class ServiceIdentityTest {

  @TempDir Path dir;

  @Test
  void otelServiceNameWinsOverEveryOtherSetting() throws IOException {
    ServiceIdentity identity =
        resolve(
            Map.of(
                "OTEL_SERVICE_NAME", "from-otel",
                "lyss.service.name", "from-lyss",
                "spring.application.name", "from-spring"),
            "build.name=from-build\n");

    assertThat(identity.name()).isEqualTo("from-otel");
    assertThat(identity.nameSource()).isEqualTo("OTEL_SERVICE_NAME");
  }

  @Test
  void lyssServiceNameWinsOverTheApplicationName() throws IOException {
    ServiceIdentity identity =
        resolve(
            Map.of("lyss.service.name", "from-lyss", "spring.application.name", "from-spring"),
            "build.name=from-build\n");

    assertThat(identity.name()).isEqualTo("from-lyss");
  }

  @Test
  void applicationNameWinsOverBuildInfo() throws IOException {
    ServiceIdentity identity =
        resolve(Map.of("spring.application.name", "from-spring"), "build.name=from-build\n");

    assertThat(identity.name()).isEqualTo("from-spring");
    assertThat(identity.describe()).contains("'from-spring' from spring.application.name");
  }

  @Test
  void buildInfoNamesTheServiceAndGivesItsVersion() throws IOException {
    ServiceIdentity identity =
        resolve(Map.of(), "build.name=billing\nbuild.artifact=billing-jar\nbuild.version=2.3.1\n");

    assertThat(identity.name()).isEqualTo("billing");
    assertThat(identity.version()).isEqualTo("2.3.1");
    assertThat(identity.describe()).contains("from build-info build.name");
  }

  @Test
  void buildInfoWithoutANameGivesTheArtifact() throws IOException {
    ServiceIdentity identity = resolve(Map.of(), "build.artifact=billing-jar\n");

    assertThat(identity.name()).isEqualTo("billing-jar");
  }

  @Test
  void anExplicitVersionWinsOverBuildInfo() throws IOException {
    ServiceIdentity identity =
        resolve(Map.of("lyss.service.version", "9.9.9"), "build.version=2.3.1\n");

    assertThat(identity.version()).isEqualTo("9.9.9");
  }

  @Test
  void nothingNamingTheServiceGivesOpenTelemetrysUnknownName() throws IOException {
    ServiceIdentity identity = resolve(Map.of(), null);

    assertThat(identity.name()).isEqualTo("unknown_service:java");
    assertThat(identity.named()).isFalse();
    assertThat(identity.version()).isNull();
    assertThat(identity.describe()).contains("spring.application.name", "build-info");
  }

  private ServiceIdentity resolve(Map<String, Object> properties, @Nullable String buildInfo)
      throws IOException {
    if (buildInfo != null) {
      Files.createDirectories(dir.resolve("META-INF"));
      Files.writeString(dir.resolve("META-INF/build-info.properties"), buildInfo);
    }
    // Only the given settings: the machine's OTEL_SERVICE_NAME must not decide these tests.
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .forEach(p -> environment.getPropertySources().remove(p.getName()));
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      return ServiceIdentity.resolve(environment, loader);
    }
  }
}
