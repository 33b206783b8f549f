package ai.lyss.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.tracing.OtlpSender;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SenderClassLoaderTest {

  private static final String SERVICE =
      "META-INF/services/io.opentelemetry.sdk.common.export.HttpSenderProvider";
  private static final String OLD_SERVICE =
      "META-INF/services/io.opentelemetry.exporter.internal.http.HttpSenderProvider";
  private static final String OKHTTP =
      "io.opentelemetry.exporter.sender.okhttp.internal.OkHttpHttpSenderProvider";
  private static final String JDK =
      "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider";

  @TempDir Path dir;

  private URLClassLoader jarLike(Path root, String service, String content) throws IOException {
    Path file = root.resolve(service);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
  }

  private static List<String> read(ClassLoader loader, String service) throws IOException {
    List<String> contents = new ArrayList<>();
    for (URL url : Collections.list(loader.getResources(service))) {
      try (InputStream in = url.openStream()) {
        contents.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return contents;
  }

  @Test
  void shadedServiceFileNamingBothSendersKeepsOnlyTheChosenOne() throws IOException {
    try (URLClassLoader shaded =
        jarLike(dir, SERVICE, "# merged by the shade plugin\n" + OKHTTP + "\n" + JDK + "\n")) {
      assertThat(read(new SenderClassLoader(shaded, OtlpSender.JDK), SERVICE))
          .containsExactly(JDK + "\n");
    }
  }

  @Test
  void theOtherSendersJarIsHiddenUnderTheOldSpiNameToo() throws IOException {
    try (URLClassLoader okhttpJar = jarLike(dir, OLD_SERVICE, OKHTTP + "\n")) {
      assertThat(read(new SenderClassLoader(okhttpJar, OtlpSender.JDK), OLD_SERVICE)).isEmpty();
      assertThat(read(new SenderClassLoader(okhttpJar, OtlpSender.OKHTTP), OLD_SERVICE))
          .containsExactly(OKHTTP + "\n");
    }
  }

  @Test
  void otherResourcesPassThroughUntouched() throws IOException {
    String other = "META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider";
    try (URLClassLoader jar = jarLike(dir, other, OKHTTP + "\n")) {
      assertThat(read(new SenderClassLoader(jar, OtlpSender.JDK), other))
          .containsExactly(OKHTTP + "\n");
    }
  }

  @Test
  void openTelemetrysServiceLoaderSeesExactlyTheChosenSender() {
    ClassLoader classes = SenderClassLoaderTest.class.getClassLoader();
    for (OtlpSender sender : OtlpSender.values()) {
      List<String> providers = new ArrayList<>();
      ServiceLoader.load(HttpSenderProvider.class, new SenderClassLoader(classes, sender))
          .forEach(p -> providers.add(p.getClass().getName()));
      assertThat(providers).containsExactly(sender == OtlpSender.JDK ? JDK : OKHTTP);
    }
  }
}
