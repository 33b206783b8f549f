package ai.lyss.spring.boot.testapp;

import ai.lyss.health.CheckOptions;
import ai.lyss.health.HealthCheckResult;
import ai.lyss.metrics.MonitorApi;
import ai.lyss.spring.boot.LyssHealthRegistryCustomizer;
import ai.lyss.spring.boot.LyssTracingBuilderCustomizer;
import ai.lyss.tracing.Traced;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service using the starter the way a Lyss service would. */
@SpringBootApplication
public class TestApplication {

  /** Every span of the application context, captured in memory. */
  public static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  @Bean
  LyssTracingBuilderCustomizer inMemorySpans() {
    return builder -> builder.addSpanProcessor(SimpleSpanProcessor.create(SPANS));
  }

  @Bean
  LyssHealthRegistryCustomizer selfCheck() {
    return builder -> builder.register("self", HealthCheckResult::healthy, CheckOptions.liveness());
  }

  /** Endpoints with route templates. */
  @RestController
  public static class ConversationController {
    private final ConversationService service;

    public ConversationController(ConversationService service) {
      this.service = service;
    }

    @GetMapping("/v1/conversations/{id}")
    @MonitorApi("get_conversation")
    public Map<String, String> conversation(@PathVariable("id") String id) {
      return Map.of("id", service.load(id));
    }

    @GetMapping("/v1/echo-traceparent")
    public Map<String, String> echo(
        @RequestHeader(name = "traceparent", required = false) @Nullable String traceparent) {
      return Map.of("traceparent", traceparent == null ? "" : traceparent);
    }
  }

  /** A bean with annotated methods, called inside and outside HTTP requests. */
  @Service
  public static class ConversationService {

    /**
     * Loads a conversation in a span.
     *
     * @param id the conversation id
     */
    @Traced("conversation.load")
    public String load(String id) {
      return id;
    }

    /** A monitored call made outside any HTTP request. */
    @MonitorApi(value = "summarise", method = "POST")
    public String summarise() {
      return "ok";
    }
  }
}
