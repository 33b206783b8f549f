package ai.lyss.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.tracing.http.TracingHttpClient;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

/** {@code java.net.http.HttpClient} beans carry the trace context unless it is switched off. */
class ClientPropagationTest {

  @Test
  void httpClientBeansAreWrappedInTracingHttpClient() {
    Runners.web()
        .withBean(HttpClient.class, HttpClient::newHttpClient)
        .run(
            context ->
                assertThat(context.getBean(HttpClient.class))
                    .isInstanceOf(TracingHttpClient.class));
  }

  @Test
  void clientPropagationFalseLeavesHttpClientBeansAlone() {
    Runners.web()
        .withBean(HttpClient.class, HttpClient::newHttpClient)
        .withPropertyValues("lyss.tracing.client-propagation=false")
        .run(
            context -> {
              assertThat(context.getBean(HttpClient.class))
                  .isNotInstanceOf(TracingHttpClient.class);
              assertThat(context).doesNotHaveBean("lyssRestClientTracingCustomizer");
            });
  }
}
