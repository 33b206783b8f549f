package ai.lyss.tracing.internal;

import ai.lyss.tracing.OtlpSender;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The class loader handed to the OTLP exporter builder ({@code setServiceClassLoader}, present from
 * OpenTelemetry 1.3x to today) so its {@link java.util.ServiceLoader} sees only the chosen sender.
 * OpenTelemetry otherwise takes whichever sender provider it finds first (logging a warning when
 * there are two), and its own preference switch is a JVM-wide system property whose name changed in
 * 1.5x. Classes still load from the parent: only the sender providers' service files of the other
 * sender are hidden, for either generation of the sender SPI ({@code
 * io.opentelemetry.exporter.internal.http.HttpSenderProvider} up to 1.5x, {@code
 * io.opentelemetry.sdk.common.export.HttpSenderProvider} after, and their gRPC twins).
 */
final class SenderClassLoader extends ClassLoader {

  private static final String SERVICES = "META-INF/services/";

  private final String providerPackage;

  SenderClassLoader(ClassLoader parent, OtlpSender sender) {
    super(parent);
    this.providerPackage = providerPackage(sender);
  }

  static String providerPackage(OtlpSender sender) {
    return sender == OtlpSender.OKHTTP
        ? "io.opentelemetry.exporter.sender.okhttp."
        : "io.opentelemetry.exporter.sender.jdk.";
  }

  /** Whether {@code name} is a service file of an OpenTelemetry HTTP or gRPC sender SPI. */
  static boolean isSenderService(String name) {
    return name.startsWith(SERVICES + "io.opentelemetry.")
        && (name.endsWith("HttpSenderProvider") || name.endsWith("GrpcSenderProvider"));
  }

  /** Whether the chosen sender provides {@code service} (a sender SPI service file) here. */
  boolean provides(String service) {
    try {
      return getResources(service).hasMoreElements();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    Enumeration<URL> all = super.getResources(name);
    if (!isSenderService(name)) {
      return all;
    }
    // Line by line, not file by file: a shaded jar merges both senders into one service file.
    StringBuilder kept = new StringBuilder();
    for (URL url : Collections.list(all)) {
      for (String provider : providers(url)) {
        if (provider.startsWith(providerPackage)) {
          kept.append(provider).append('\n');
        }
      }
    }
    if (kept.length() == 0) {
      return Collections.emptyEnumeration();
    }
    byte[] content = kept.toString().getBytes(StandardCharsets.UTF_8);
    return Collections.enumeration(List.of(inMemory(name, content)));
  }

  @Override
  public @Nullable URL getResource(String name) {
    if (!isSenderService(name)) {
      return super.getResource(name);
    }
    try {
      Enumeration<URL> kept = getResources(name);
      return kept.hasMoreElements() ? kept.nextElement() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static List<String> providers(URL serviceFile) throws IOException {
    List<String> providers = new ArrayList<>();
    try (InputStream in = serviceFile.openStream();
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int comment = line.indexOf('#');
        String provider = (comment >= 0 ? line.substring(0, comment) : line).strip();
        if (!provider.isEmpty()) {
          providers.add(provider);
        }
      }
    }
    return providers;
  }

  private static URL inMemory(String name, byte[] content) throws MalformedURLException {
    URLStreamHandler handler =
        new URLStreamHandler() {
          @Override
          protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
              @Override
              public void connect() {}

              @Override
              public InputStream getInputStream() {
                return new ByteArrayInputStream(content);
              }
            };
          }
        };
    return new URL("lyss-sender", "", -1, "/" + name, handler);
  }
}
