package ai.lyss.spring.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.support.GenericApplicationContext;

/** The start-up check of the Boot line against the Lyss starter on the class path. */
class BootLineCheckTest {

  @Test
  void bootOlderThan35NamesBothSupportedLines() {
    assertThat(BootLineCheck.problem("3.4.9", false, false, false))
        .hasValue(
            "Lyss Observability supports Spring Boot 3.5 and 4.0, this application runs Spring Boot"
                + " 3.4.9: upgrade to Spring Boot 3.5 (with ai.lyss:lyss-spring-boot3-starter) or"
                + " 4.0 (with ai.lyss:lyss-spring-boot-starter)");
  }

  @Test
  void boot4StarterAloneOnBoot35NamesTheBoot3Starter() {
    assertThat(BootLineCheck.problem("3.5.7", false, true, false))
        .hasValue(
            "ai.lyss:lyss-spring-boot-starter alone is for Spring Boot 4.0, this application runs"
                + " Spring Boot 3.5.7: use ai.lyss:lyss-spring-boot3-starter instead");
  }

  @Test
  void boot3StarterOnBoot4NamesTheBoot4Starter() {
    assertThat(BootLineCheck.problem("4.0.7", true, true, true))
        .hasValue(
            "ai.lyss:lyss-spring-boot3-starter is for Spring Boot 3.5, this application runs"
                + " Spring Boot 4.0.7: replace it with ai.lyss:lyss-spring-boot-starter");
  }

  @Test
  void unknownVersionIsSaidSo() {
    assertThat(BootLineCheck.problem(null, false, true, false))
        .hasValueSatisfying(m -> assertThat(m).contains("runs Spring Boot (version unknown)"));
  }

  @Test
  void supportedCombinationsPass() {
    assertThat(BootLineCheck.problem("4.0.7", true, true, false)).isEmpty();
    assertThat(BootLineCheck.problem("3.5.7", false, true, true)).isEmpty();
  }

  @Test
  void thisBoot4ClassPathStartsWithoutComplaint() {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      assertThatCode(() -> new BootLineCheck().initialize(context)).doesNotThrowAnyException();
    }
  }

  @Test
  void boot4ClassesHiddenFailWithTheBoot3StarterMessage() {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context.setClassLoader(new FilteredClassLoader(BootLineCheck.BOOT4_CLASS));

      assertThatIllegalStateException()
          .isThrownBy(() -> new BootLineCheck().initialize(context))
          .withMessageContaining("use ai.lyss:lyss-spring-boot3-starter instead");
    }
  }
}
