package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.logging.internal.LyssLogbackConfigurator;
import ai.lyss.testing.Poll;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

class LogbackConfigurationTest {

  private static final String INCLUDE =
      "<configuration><include resource=\"ai/lyss/logging/logback-lyss.xml\"/></configuration>";

  private final LoggerContext context = newContext();

  @AfterEach
  void tearDown() {
    context.stop();
    System.clearProperty("LYSS_LOG_FILE");
    System.clearProperty("LYSS_LOG_DIR");
    System.clearProperty("LYSS_SERVICE_NAME");
  }

  private static LoggerContext newContext() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    return context;
  }

  private void configure(String xml) throws Exception {
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(context);
    joran.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private Logger root() {
    return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private JsonNode encodeWithConsoleEncoder(String message) {
    LyssAsyncAppender async = (LyssAsyncAppender) root().getAppender("LYSS_ASYNC");
    OutputStreamAppender<ILoggingEvent> console =
        (OutputStreamAppender<ILoggingEvent>) async.getAppender("LYSS_CONSOLE");
    LoggingEvent event =
        new LoggingEvent("x", context.getLogger("cfg"), Level.INFO, message, null, null);
    byte[] line = console.getEncoder().encode(event);
    return LogCapture.JSON.readTree(new String(line, StandardCharsets.UTF_8));
  }

  @Test
  void oneLineIncludeSetsUpAsyncJsonConsoleOnTheRoot() throws Exception {
    configure(INCLUDE);

    assertThat(root().getAppender("LYSS_ASYNC")).isInstanceOf(LyssAsyncAppender.class);
    LyssAsyncAppender async = (LyssAsyncAppender) root().getAppender("LYSS_ASYNC");
    assertThat(async.getAppender("LYSS_CONSOLE")).isInstanceOf(ConsoleAppender.class);
    assertThat(root().getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .noneMatch(status -> status.getLevel() == Status.ERROR);
    assertThat(encodeWithConsoleEncoder("configured").get("level").stringValue()).isEqualTo("INFO");
  }

  @Test
  void serviceNameComesFromALogbackPropertyOrSystemProperty() throws Exception {
    System.setProperty("LYSS_SERVICE_NAME", "memory-service");
    configure(INCLUDE);

    assertThat(encodeWithConsoleEncoder("hi").get("service").stringValue())
        .isEqualTo("memory-service");
  }

  @Test
  void auditAndSecurityEventsPassEvenWhenTheLevelIsError() throws Exception {
    configure(INCLUDE);
    root().setLevel(Level.ERROR);
    root().detachAndStopAllAppenders();
    ListAppender<ILoggingEvent> list = new ListAppender<>();
    list.setContext(context);
    list.start();
    root().addAppender(list);
    StructuredLogger log = StructuredLogger.of(context.getLogger("svc"));

    log.info("filtered out");
    log.audit("user.delete", "t1", "u1", "delete", "user/1", "success");
    log.security("auth.failed", Severity.HIGH, "bad password");

    assertThat(list.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("Audit event: user.delete", "Security event: auth.failed");
  }

  @Test
  void automaticConfigurationAppliesWhenTheServiceHasNoLogbackFile() {
    Configurator configurator =
        LyssLogbackConfigurator.forClassLoader(new URLClassLoader(new URL[0], null));
    configurator.setContext(context);

    assertThat(configurator.configure(context))
        .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    assertThat(root().getAppender("LYSS_ASYNC")).isInstanceOf(LyssAsyncAppender.class);
  }

  @Test
  void automaticConfigurationBindsTheDropCountersGloballyWithoutSpringBoot() {
    Configurator configurator =
        LyssLogbackConfigurator.forClassLoader(new URLClassLoader(new URL[0], null));
    configurator.setContext(context);

    configurator.configure(context);

    assertThat(((LyssAsyncAppender) root().getAppender("LYSS_ASYNC")).isGlobalRegistryMetrics())
        .isTrue();
  }

  @Test
  void automaticConfigurationKeepsOffTheGlobalRegistryWhenSpringBootWillReplaceIt(@TempDir Path dir)
      throws Exception {
    // A class of that name is all the configurator looks for.
    Path source = dir.resolve("org/springframework/boot/logging/LoggingSystem.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source, "package org.springframework.boot.logging; public class LoggingSystem {}");
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, source.toString()))
        .isZero();
    Configurator configurator =
        LyssLogbackConfigurator.forClassLoader(
            new URLClassLoader(new URL[] {dir.toUri().toURL()}, null));
    configurator.setContext(context);

    configurator.configure(context);

    assertThat(((LyssAsyncAppender) root().getAppender("LYSS_ASYNC")).isGlobalRegistryMetrics())
        .isFalse();
  }

  @Test
  void automaticConfigurationStepsAsideForTheServicesOwnLogbackXml(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("logback.xml"), "<configuration/>");
    Configurator configurator =
        LyssLogbackConfigurator.forClassLoader(
            new URLClassLoader(new URL[] {dir.toUri().toURL()}, null));
    configurator.setContext(context);

    assertThat(configurator.configure(context))
        .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(root().iteratorForAppenders().hasNext()).isFalse();
  }

  @Test
  void theTestsOwnLogbackTestXmlWonOverTheAutomaticConfiguration() {
    LoggerContext global = (LoggerContext) LoggerFactory.getILoggerFactory();

    assertThat(global.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("LYSS_ASYNC"))
        .isInstanceOf(LyssAsyncAppender.class);
    assertThat(global.getStatusManager().getCopyOfStatusList())
        .anyMatch(status -> status.getMessage().contains("leaves it in charge"));
  }

  @Test
  void optionalRollingFileWritesJsonLinesToTheServiceLog(@TempDir Path dir) throws Exception {
    System.setProperty("LYSS_LOG_FILE", "true");
    System.setProperty("LYSS_LOG_DIR", dir.toString());
    System.setProperty("LYSS_SERVICE_NAME", "svc-file");
    Configurator configurator =
        LyssLogbackConfigurator.forClassLoader(new URLClassLoader(new URL[0], null));
    configurator.setContext(context);
    configurator.configure(context);

    StructuredLogger.of(context.getLogger("file")).audit("a", "t", "u", "x", "r", "ok");
    context.stop();

    Path file = dir.resolve("svc-file.log");
    Poll.until("the log file", Duration.ofSeconds(30), () -> Files.exists(file));
    JsonNode line = LogCapture.JSON.readTree(Files.readAllLines(file).get(0));
    assertThat(line.get("level").stringValue()).isEqualTo("AUDIT");
    assertThat(line.get("service").stringValue()).isEqualTo("svc-file");
  }

  @Test
  void lineCapOutOfRangeFailsAtStartUpNamingTheSetting() {
    LyssJsonEncoder encoder = new LyssJsonEncoder();
    encoder.setContext(context);
    encoder.setMaxLineBytes(100);

    assertThatThrownBy(encoder::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxLineBytes")
        .hasMessageContaining("1024");
  }

  @Test
  void invalidRedactionPatternFailsAtStartUpNamingTheSetting() {
    LyssJsonEncoder encoder = new LyssJsonEncoder();
    encoder.setContext(context);
    encoder.addRedactPattern("([unclosed");

    assertThatThrownBy(encoder::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LYSS_LOG_REDACT_PATTERNS")
        .hasMessageContaining("([unclosed");
  }

  @Test
  void zeroQueueSizeFailsAtStartUp() {
    LyssAsyncAppender async = new LyssAsyncAppender();
    async.setContext(context);
    async.setQueueSize(0);

    assertThatThrownBy(async::start).hasMessageContaining("queueSize");
  }
}
