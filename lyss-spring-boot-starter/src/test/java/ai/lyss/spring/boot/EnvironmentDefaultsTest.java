package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.spring.boot.internal.LyssEnvironmentPostProcessor;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/** The defaults the starter adds before Boot starts logging, and when it leaves them out. */
class EnvironmentDefaultsTest {

  @TempDir Path dir;

  @Test
  void jsonOutputBecomesBootsLoggingConfigurationWithTheBannerOff() {
    StandardEnvironment environment = environment(Map.of());

    process(environment, getClass().getClassLoader());

    assertThat(environment.getProperty("logging.config"))
        .isEqualTo(LyssEnvironmentPostProcessor.LOGBACK_CONFIG);
    assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
  }

  @Test
  void aServiceLogbackXmlKeepsBootsLoggingAlone() throws IOException {
    Files.writeString(dir.resolve("logback.xml"), "<configuration/>");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      StandardEnvironment environment = environment(Map.of());

      process(environment, loader);

      assertThat(environment.getProperty("logging.config")).isNull();
    }
  }

  @Test
  void anExplicitLoggingConfigWins() {
    StandardEnvironment environment =
        environment(Map.of("logging.config", "classpath:my-logback.xml"));

    process(environment, getClass().getClassLoader());

    assertThat(environment.getProperty("logging.config")).isEqualTo("classpath:my-logback.xml");
  }

  @Test
  void jsonOutputFalseKeepsBootsLoggingAlone() {
    StandardEnvironment environment = environment(Map.of("lyss.logging.json-output", "false"));

    process(environment, getClass().getClassLoader());

    assertThat(environment.getProperty("logging.config")).isNull();
  }

  @Test
  void logIdentityFallsBackToTheApplicationName() {
    StandardEnvironment environment =
        environment(Map.of("spring.application.name", "model-router"));

    process(environment, getClass().getClassLoader());

    assertThat(environment.getProperty("lyss.logging.resolved.service-name"))
        .isEqualTo("model-router");
  }

  @Test
  void logIdentityComesFromTheJarsBuildInfoWhenNothingElseNamesTheService() throws IOException {
    Files.createDirectories(dir.resolve("META-INF"));
    Files.writeString(
        dir.resolve("META-INF/build-info.properties"),
        "build.name=billing\nbuild.artifact=billing-service\nbuild.version=2.3.1\n");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      StandardEnvironment environment = environment(Map.of());

      process(environment, loader);

      assertThat(environment.getProperty("lyss.logging.resolved.service-name"))
          .isEqualTo("billing");
      assertThat(environment.getProperty("lyss.logging.resolved.service-version"))
          .isEqualTo("2.3.1");
    }
  }

  @Test
  void bootsHttpServerObservationIsOffByDefault() {
    StandardEnvironment environment = environment(Map.of());

    process(environment, getClass().getClassLoader());

    assertThat(
            environment.getProperty(
                LyssEnvironmentPostProcessor.HTTP_SERVER_OBSERVATION, Boolean.class))
        .isFalse();
  }

  @Test
  void aServiceCanTurnBootsHttpServerObservationBackOn() {
    StandardEnvironment environment =
        environment(Map.of(LyssEnvironmentPostProcessor.HTTP_SERVER_OBSERVATION, "true"));

    process(environment, getClass().getClassLoader());

    assertThat(
            environment.getProperty(
                LyssEnvironmentPostProcessor.HTTP_SERVER_OBSERVATION, Boolean.class))
        .isTrue();
  }

  @Test
  void bootsHttpServerObservationStaysOnWhenLyssMetricsIsOff() {
    StandardEnvironment environment = environment(Map.of("lyss.metrics.enabled", "false"));

    process(environment, getClass().getClassLoader());

    assertThat(environment.containsProperty(LyssEnvironmentPostProcessor.HTTP_SERVER_OBSERVATION))
        .isFalse();
  }

  @Test
  void healthGroupsIncludeTheLyssContributorsByDefault() {
    StandardEnvironment environment =
        environment(Map.of("management.endpoint.health.probes.enabled", "false"));

    process(environment, getClass().getClassLoader());

    assertThat(environment.getProperty("management.endpoint.health.group.liveness.include"))
        .isEqualTo("lyssLiveness");
    assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
        .isEqualTo("lyssReadiness");
  }

  @Test
  void withKubernetesProbesTheGroupsKeepBootsAvailabilityStates() {
    StandardEnvironment environment =
        environment(Map.of("management.endpoint.health.probes.enabled", "true"));

    process(environment, getClass().getClassLoader());

    assertThat(environment.getProperty("management.endpoint.health.group.liveness.include"))
        .isEqualTo("livenessState,lyssLiveness");
    assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
        .isEqualTo("readinessState,lyssReadiness");
  }

  @Test
  void aServiceDefinedHealthGroupIsLeftAsItIs() {
    StandardEnvironment environment =
        environment(
            Map.of("management.endpoint.health.group.readiness.include", "readinessState,db"));

    process(environment, getClass().getClassLoader());

    assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
        .isEqualTo("readinessState,db");
  }

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }

  private static void process(StandardEnvironment environment, ClassLoader loader) {
    SpringApplication application = new SpringApplication();
    application.setResourceLoader(new DefaultResourceLoader(loader));
    new LyssEnvironmentPostProcessor().postProcessEnvironment(environment, application);
  }
}
