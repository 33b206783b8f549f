package ai.lyss.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The demo's name and build version, from {@code ai/lyss/demo/demo.properties}. */
final class DemoInfo {

  static final String SERVICE;
  static final String VERSION;

  static {
    Properties properties = new Properties();
    try (InputStream in = DemoInfo.class.getResourceAsStream("demo.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SERVICE = properties.getProperty("demo.service", "lyss-demo-service");
    VERSION = properties.getProperty("demo.version", "unknown");
  }

  private DemoInfo() {}
}
