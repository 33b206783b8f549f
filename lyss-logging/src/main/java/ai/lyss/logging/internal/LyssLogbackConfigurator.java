package ai.lyss.logging.internal;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.joran.spi.ConfigurationWatchList;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Logback's automatic configuration hook (registered in META-INF/services): when the service has no
 * logback configuration of its own ({@code logback.configurationFile}, {@code logback-test.xml} or
 * {@code logback.xml}), configures the Lyss JSON output of {@code logback-lyss.xml} (plus the
 * rolling file when {@code LYSS_LOG_FILE=true}). Otherwise it steps aside so that Logback's own
 * configurators read the service's file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class LyssLogbackConfigurator extends ContextAwareBase implements Configurator {

  /** The shipped configuration a service includes. */
  public static final String CONSOLE_RESOURCE = "ai/lyss/logging/logback-lyss.xml";

  /** The shipped optional rolling-file configuration. */
  public static final String FILE_RESOURCE = "ai/lyss/logging/logback-lyss-file.xml";

  /** Setting that keeps the drop counters off Micrometer's global registry when false. */
  public static final String GLOBAL_REGISTRY_METRICS = "LYSS_LOG_GLOBAL_REGISTRY_METRICS";

  private static final String BOOT_LOGGING_SYSTEM =
      "org.springframework.boot.logging.LoggingSystem";

  /** Setting that adds the rolling file to the automatic configuration. */
  public static final String LOG_FILE = "LYSS_LOG_FILE";

  private final ClassLoader classLoader;

  /** Used by Logback's service loader. */
  public LyssLogbackConfigurator() {
    this(LyssLogbackConfigurator.class.getClassLoader());
  }

  private LyssLogbackConfigurator(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  /**
   * A configurator that looks for the service's own configuration files with {@code classLoader}
   * (tests use an isolated loader).
   *
   * @param classLoader where to look for logback.xml / logback-test.xml
   */
  public static LyssLogbackConfigurator forClassLoader(ClassLoader classLoader) {
    return new LyssLogbackConfigurator(
        java.util.Objects.requireNonNull(classLoader, "classLoader"));
  }

  @Override
  public ExecutionStatus configure(LoggerContext loggerContext) {
    if (serviceHasOwnConfiguration()) {
      addInfo("A logback configuration file is present; lyss-logging leaves it in charge");
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    StringBuilder xml = new StringBuilder("<configuration>");
    xml.append("<include resource=\"").append(CONSOLE_RESOURCE).append("\"/>");
    if ("true".equalsIgnoreCase(Settings.get(LOG_FILE))) {
      xml.append("<include resource=\"").append(FILE_RESOURCE).append("\"/>");
    }
    xml.append("</configuration>");
    if (bootReplacesThisConfiguration()) {
      // Spring Boot reconfigures logging as the application starts; bound here, the counters would
      // sit in the global registry before Boot adds its registry to it, which makes Micrometer
      // warn. The Spring starter binds them to the application's registry instead.
      loggerContext.putProperty(GLOBAL_REGISTRY_METRICS, "false");
    }
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(loggerContext);
    // A configuration read from a stream has no watch list; Logback before 1.5.3x (Spring Boot
    // 3.5 manages 1.5.20) then warns for every <include> and prints its status on start-up.
    if (ConfigurationWatchListUtil.getConfigurationWatchList(loggerContext) == null) {
      ConfigurationWatchList watchList = new ConfigurationWatchList();
      watchList.setContext(loggerContext);
      ConfigurationWatchListUtil.registerConfigurationWatchList(loggerContext, watchList);
    }
    try {
      joran.doConfigure(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)));
      addInfo("Configured the Lyss JSON log output (" + CONSOLE_RESOURCE + ")");
      return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    } catch (JoranException e) {
      addError("lyss-logging could not apply " + CONSOLE_RESOURCE, e);
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
  }

  private boolean bootReplacesThisConfiguration() {
    try {
      Class.forName(BOOT_LOGGING_SYSTEM, false, classLoader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private boolean serviceHasOwnConfiguration() {
    String explicit = System.getProperty("logback.configurationFile");
    if (explicit != null && !explicit.isBlank()) {
      return true;
    }
    return classLoader.getResource("logback-test.xml") != null
        || classLoader.getResource("logback.xml") != null;
  }
}
