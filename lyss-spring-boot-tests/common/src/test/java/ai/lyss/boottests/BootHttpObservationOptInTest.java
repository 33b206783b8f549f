package ai.lyss.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.testing.Poll;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A service that wants Boot's own HTTP server timer back sets Boot's property, which has the same
 * name on both lines: the Lyss default gives way to it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.observations.enable.http.server.requests=true")
class BootHttpObservationOptInTest {

  @LocalServerPort int port;

  @Autowired MeterRegistry meterRegistry;

  @Test
  void bootsHttpServerRequestsTimerIsBack() {
    assertThat(ShopHttp.get(port, "/items/1").statusCode()).isEqualTo(200);

    Timer timer =
        Poll.until(
            "Boot's http.server.requests timer for /items/{id}",
            Poll.DEFAULT_TIMEOUT,
            () ->
                Optional.ofNullable(
                    meterRegistry.find("http.server.requests").tag("uri", "/items/{id}").timer()),
            () ->
                meterRegistry.getMeters().stream()
                    .map(m -> m.getId().getName())
                    .toList()
                    .toString());
    assertThat(timer.count()).isEqualTo(1);
  }
}
