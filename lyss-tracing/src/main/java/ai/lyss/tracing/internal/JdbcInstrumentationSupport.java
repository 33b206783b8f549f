package ai.lyss.tracing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whether OpenTelemetry's JDBC library instrumentation can run on the OpenTelemetry API the
 * application has. The instrumentation is built on a newer API than Spring Boot 3.5 and 4.0 manage
 * (1.49, 1.55) and fails there with {@code NoClassDefFoundError}/{@code NoSuchMethodError},
 * possibly only when a statement runs. The API version comes from the API jar's {@code
 * version.properties}, the version the instrumentation needs from the OSGi {@code Import-Package}
 * range in the manifest of {@code opentelemetry-instrumentation-api}; when either is unknown the
 * instrumentation is tried.
 */
public final class JdbcInstrumentationSupport {

  private static final String INSTRUMENTATION_BUNDLE = "opentelemetry-instrumentation-api";
  private static final Pattern API_RANGE =
      Pattern.compile("io\\.opentelemetry\\.api;version=\"\\[([0-9][0-9.]*)");

  private static final Optional<String> UNSUPPORTED =
      unsupportedReason(
          apiVersion(JdbcInstrumentationSupport.class.getClassLoader()),
          requiredApiVersion(JdbcInstrumentationSupport.class.getClassLoader()));

  private JdbcInstrumentationSupport() {}

  /**
   * Why the JDBC instrumentation cannot run in this process, decided once.
   *
   * @return the reason, with the fix; empty when it can run (or the versions are unknown)
   */
  public static Optional<String> unsupportedReason() {
    return UNSUPPORTED;
  }

  /**
   * Why the JDBC instrumentation cannot run on an API version.
   *
   * @param apiVersion the OpenTelemetry API version present, null when unknown
   * @param requiredApiVersion the lowest version the instrumentation accepts, null when unknown
   * @return the reason, with the fix; empty when it can run or a version is unknown
   */
  static Optional<String> unsupportedReason(
      @Nullable String apiVersion, @Nullable String requiredApiVersion) {
    if (apiVersion == null
        || requiredApiVersion == null
        || compare(apiVersion, requiredApiVersion) >= 0) {
      return Optional.empty();
    }
    return Optional.of(
        "database spans come from Lyss's own statement spans: OpenTelemetry's JDBC"
            + " instrumentation needs the OpenTelemetry API "
            + requiredApiVersion
            + " or later and this application has "
            + apiVersion
            + " (Spring Boot 3.5 and 4.0 manage 1.49 and 1.55). Importing"
            + " io.opentelemetry:opentelemetry-bom "
            + requiredApiVersion
            + " or later ahead of Spring Boot's dependency management brings the instrumentation"
            + " back");
  }

  /** Compares dotted version numbers numerically; a missing part counts as 0. */
  static int compare(String left, String right) {
    String[] a = left.split("\\.");
    String[] b = right.split("\\.");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int x = i < a.length ? leadingNumber(a[i]) : 0;
      int y = i < b.length ? leadingNumber(b[i]) : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }

  private static int leadingNumber(String part) {
    int end = 0;
    while (end < part.length() && Character.isDigit(part.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(part.substring(0, Math.min(end, 9)));
  }

  static @Nullable String apiVersion(@Nullable ClassLoader loader) {
    if (loader == null) {
      return null;
    }
    try (InputStream in = loader.getResourceAsStream("io/opentelemetry/api/version.properties")) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("sdk.version");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static @Nullable String requiredApiVersion(@Nullable ClassLoader loader) {
    if (loader == null) {
      return null;
    }
    try {
      Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
      while (manifests.hasMoreElements()) {
        URL url = manifests.nextElement();
        if (!url.toString().contains(INSTRUMENTATION_BUNDLE)) {
          continue; // only the instrumentation-api jar's own manifest is read
        }
        try (InputStream in = url.openStream()) {
          Attributes main = new Manifest(in).getMainAttributes();
          String imports = main.getValue("Import-Package");
          if (INSTRUMENTATION_BUNDLE.equals(main.getValue("Bundle-SymbolicName"))
              && imports != null) {
            Matcher range = API_RANGE.matcher(imports);
            return range.find() ? range.group(1) : null;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }
}
