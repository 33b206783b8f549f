package ai.lyss.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The version check in front of OpenTelemetry's JDBC instrumentation. */
class JdbcInstrumentationSupportTest {

  @Test
  void olderApiThanTheInstrumentationNeedsIsRefusedNamingBothVersions() {
    assertThat(JdbcInstrumentationSupport.unsupportedReason("1.49.0", "1.65"))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("database spans come from Lyss's own statement spans")
                    .contains("API 1.65 or later and this application has 1.49.0")
                    .contains("io.opentelemetry:opentelemetry-bom 1.65 or later"));
  }

  @Test
  void sameOrNewerApiIsAccepted() {
    assertThat(JdbcInstrumentationSupport.unsupportedReason("1.65.0", "1.65")).isEmpty();
    assertThat(JdbcInstrumentationSupport.unsupportedReason("1.68.0", "1.65")).isEmpty();
  }

  @Test
  void unknownVersionsLetTheInstrumentationRun() {
    assertThat(JdbcInstrumentationSupport.unsupportedReason(null, "1.65")).isEmpty();
    assertThat(JdbcInstrumentationSupport.unsupportedReason("1.49.0", null)).isEmpty();
  }

  @Test
  void versionsCompareNumericallyPartByPart() {
    assertThat(JdbcInstrumentationSupport.compare("1.9.0", "1.10")).isNegative();
    assertThat(JdbcInstrumentationSupport.compare("1.55.0", "1.55")).isZero();
    assertThat(JdbcInstrumentationSupport.compare("2.0.0-alpha", "1.68.0")).isPositive();
  }

  @Test
  void bothVersionsAreReadFromTheJarsOnTheClassPath() {
    ClassLoader loader = JdbcInstrumentationSupport.class.getClassLoader();

    assertThat(JdbcInstrumentationSupport.apiVersion(loader)).matches("1\\.\\d+\\.\\d+");
    assertThat(JdbcInstrumentationSupport.requiredApiVersion(loader)).matches("1\\.\\d+(\\.\\d+)?");
  }

  @Test
  void thisBuildsOpenTelemetryRunsTheInstrumentation() {
    // The module is built and tested on 1.68, which the instrumentation accepts.
    assertThat(JdbcInstrumentationSupport.unsupportedReason()).isEmpty();
  }
}
