package ai.lyss.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.client.RestClient;

/**
 * On Boot 3.5, the {@code RestClient.Builder} Boot builds carries the trace context (the Boot 3.5
 * {@code RestClientCustomizer} of lyss-spring-boot3-starter).
 */
@SpringBootTest(properties = "lyss.tracing.otlp-export=false")
class RestClientPropagationTest {

  @Autowired RestClient.Builder builder;

  @Test
  void outgoingCallCarriesTraceparent() throws IOException {
    List<String> traceparents = new CopyOnWriteArrayList<>();
    HttpServer downstream =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    downstream.createContext(
        "/",
        exchange -> {
          traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    downstream.start();
    try {
      builder
          .build()
          .get()
          .uri("http://127.0.0.1:" + downstream.getAddress().getPort() + "/models")
          .retrieve()
          .toBodilessEntity();
    } finally {
      downstream.stop(0);
    }

    assertThat(traceparents)
        .singleElement()
        .asString()
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
  }
}
