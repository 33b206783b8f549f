package ai.lyss.boottests;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * On Boot 3.5 without lyss-spring-boot3-starter (hidden from the class loader), the start-up stops
 * with one message naming the artifact to use.
 */
class Boot4StarterOnBoot3Test {

  @Test
  void startupStopsNamingTheBoot3Starter() {
    SpringApplication application = new SpringApplication(ShopApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setResourceLoader(new DefaultResourceLoader(new WithoutBoot3Starter()));

    assertThatIllegalStateException()
        .isThrownBy(() -> application.run("--lyss.tracing.otlp-export=false").close())
        .withMessage(
            "ai.lyss:lyss-spring-boot-starter alone is for Spring Boot 4.0, this application runs"
                + " Spring Boot 3.5.7: use ai.lyss:lyss-spring-boot3-starter instead");
  }

  /** The test class path without lyss-spring-boot3-starter: neither its classes nor its files. */
  private static final class WithoutBoot3Starter extends ClassLoader {

    WithoutBoot3Starter() {
      super(Boot4StarterOnBoot3Test.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("ai.lyss.spring.boot3.")) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return Collections.enumeration(
          Collections.list(super.getResources(name)).stream()
              .filter(url -> !url.toString().contains("lyss-spring-boot3-starter"))
              .toList());
    }
  }
}
