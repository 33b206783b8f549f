package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.core.LyssHeaders;
import ai.lyss.spring.boot.internal.LyssEnvironmentPostProcessor;
import ai.lyss.spring.boot.testapp.TestApplication;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** With every {@code lyss.<module>.enabled=false} a real server shows no trace of the starter. */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "lyss.metrics.enabled=false",
      "lyss.logging.enabled=false",
      "lyss.tracing.enabled=false",
      "lyss.health.enabled=false"
    })
class DisabledModulesWebTest {

  @LocalServerPort int port;

  @Autowired Environment environment;

  @Test
  void noMetricsEndpoint() {
    assertThat(Http.get(port, "/metrics").statusCode()).isEqualTo(404);
  }

  @Test
  void noHealthEndpoints() {
    assertThat(Http.get(port, "/health/ready").statusCode()).isEqualTo(404);
  }

  @Test
  void noRequestIdHeader() {
    HttpResponse<String> response = Http.get(port, "/v1/conversations/1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue(LyssHeaders.REQUEST_ID)).isEmpty();
  }

  @Test
  void bootKeepsItsOwnLogOutput() {
    assertThat(environment.getProperty("logging.config"))
        .isNotEqualTo(LyssEnvironmentPostProcessor.LOGBACK_CONFIG);
  }
}
