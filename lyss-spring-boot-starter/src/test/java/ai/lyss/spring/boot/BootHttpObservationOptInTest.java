package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.spring.boot.testapp.TestApplication;
import ai.lyss.testing.Poll;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Boot's own HTTP server timer comes back with Boot's own property. */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=observation-opt-in",
      "lyss.tracing.otlp-export=false",
      "lyss.tracing.register-global=false",
      "management.endpoints.web.exposure.include=prometheus",
      "management.observations.enable.http.server.requests=true"
    })
class BootHttpObservationOptInTest {

  @LocalServerPort int port;

  @Test
  void bootsHttpServerRequestsTimerIsBackNextToTheLyssHistogram() {
    assertThat(Http.get(port, "/v1/conversations/c-1").statusCode()).isEqualTo(200);

    Poll.until(
        "both http_server_requests_seconds and the Lyss histogram on /actuator/prometheus",
        Duration.ofSeconds(30),
        () -> {
          String scrape = Http.get(port, "/actuator/prometheus").body();
          return scrape.contains("http_server_requests_seconds_count{")
              && scrape.contains("http_request_duration_seconds_count{");
        });
  }
}
