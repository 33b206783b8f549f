package ai.lyss.spring.boot.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Stops the start-up with one message naming the fix when the Lyss starter on the class path does
 * not match the application's Spring Boot line: Boot older than 3.5, lyss-spring-boot-starter alone
 * on Boot 3.5, or lyss-spring-boot3-starter on Boot 4. An {@link ApplicationContextInitializer}
 * because that contract is the same on every Boot line, so the check itself always loads.
 */
public final class BootLineCheck
    implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

  /** A class only Boot 4 has. */
  static final String BOOT4_CLASS = "org.springframework.boot.EnvironmentPostProcessor";

  /** A class Boot has since 3.5. */
  static final String BOOT35_CLASS =
      "org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty";

  /** A class of lyss-spring-boot3-starter. */
  public static final String BOOT3_STARTER_CLASS =
      "ai.lyss.spring.boot3.autoconfigure.LyssBoot3AutoConfiguration";

  /** Created by Boot. */
  public BootLineCheck() {}

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ClassLoader loader = context.getClassLoader();
    if (loader == null) {
      loader = ClassUtils.getDefaultClassLoader();
    }
    Optional<String> problem =
        problem(
            SpringBootVersion.getVersion(),
            ClassUtils.isPresent(BOOT4_CLASS, loader),
            ClassUtils.isPresent(BOOT35_CLASS, loader),
            ClassUtils.isPresent(BOOT3_STARTER_CLASS, loader));
    if (problem.isPresent()) {
      throw new IllegalStateException(problem.get());
    }
  }

  /**
   * The mismatch between the Boot line and the Lyss starter, if any.
   *
   * @param bootVersion Boot's version, null when the jar does not say
   * @param boot4 whether Boot 4 classes are present
   * @param boot35 whether Boot 3.5 (or later) classes are present
   * @param boot3Starter whether lyss-spring-boot3-starter is present
   * @return the message naming the fix, empty when the combination is supported
   */
  static Optional<String> problem(
      @Nullable String bootVersion, boolean boot4, boolean boot35, boolean boot3Starter) {
    String running =
        "this application runs Spring Boot "
            + (bootVersion == null ? "(version unknown)" : bootVersion);
    if (!boot35) {
      return Optional.of(
          "Lyss Observability supports Spring Boot 3.5 and 4.0, "
              + running
              + ": upgrade to Spring Boot 3.5 (with ai.lyss:lyss-spring-boot3-starter)"
              + " or 4.0 (with ai.lyss:lyss-spring-boot-starter)");
    }
    if (boot4 && boot3Starter) {
      return Optional.of(
          "ai.lyss:lyss-spring-boot3-starter is for Spring Boot 3.5, "
              + running
              + ": replace it with ai.lyss:lyss-spring-boot-starter");
    }
    if (!boot4 && !boot3Starter) {
      return Optional.of(
          "ai.lyss:lyss-spring-boot-starter alone is for Spring Boot 4.0, "
              + running
              + ": use ai.lyss:lyss-spring-boot3-starter instead");
    }
    return Optional.empty();
  }
}
