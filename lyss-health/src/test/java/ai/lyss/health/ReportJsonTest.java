package ai.lyss.health;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.health.internal.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void timestampsArePaddedIsoUtcWithMilliseconds() {
    assertThat(Json.timestamp(Instant.parse("0987-01-02T03:04:05.006789Z")))
        .isEqualTo("0987-01-02T03:04:05.006Z");
  }

  @Test
  void timestampsMatchTheJdkFormatterForRandomInstants() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextInt(Integer.MAX_VALUE) * 2L, random.nextInt(1_000_000_000));
      assertThat(Json.timestamp(instant)).isEqualTo(REFERENCE.format(instant));
    }
  }

  @Test
  void responseTimesHaveOneDecimalRoundedHalfUp() {
    Instant t = Instant.EPOCH;
    HealthReport report =
        HealthReport.of(
            t,
            List.of(
                new HealthReport.Entry("a", HealthCheckResult.healthy().withTiming(0.04, t), true),
                new HealthReport.Entry("b", HealthCheckResult.healthy().withTiming(2.25, t), true),
                new HealthReport.Entry(
                    "c", HealthCheckResult.healthy().withTiming(5000, t), true)));

    assertThat(report.toJson())
        .contains("\"service\":\"a\",\"status\":\"healthy\",\"response_time\":0.0,")
        .contains("\"service\":\"b\",\"status\":\"healthy\",\"response_time\":2.3,")
        .contains("\"service\":\"c\",\"status\":\"healthy\",\"response_time\":5000.0,");
  }
}
