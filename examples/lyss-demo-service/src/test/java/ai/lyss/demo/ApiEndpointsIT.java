package ai.lyss.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every API endpoint's status codes and bodies, against the real jar on a free port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiEndpointsIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String CHAT_BODY =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}";

  private DemoProcess demo;

  @BeforeAll
  void start() {
    demo =
        DemoProcess.start(
            List.of(
                "--seed",
                "7",
                "--provider-latency-ms",
                "0",
                "--provider-failure-rate",
                "0",
                "--quota",
                "3"),
            Map.of());
  }

  @AfterAll
  void stop() {
    demo.close();
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  @Test
  void chatCompletionAnswers200WithOpenAiStyleUsage() {
    HttpResponse<String> response =
        demo.post("/v1/chat/completions", CHAT_BODY, "X-Tenant-ID", "tenant-ok");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("object").stringValue()).isEqualTo("chat.completion");
    assertThat(body.get("id").stringValue()).startsWith("chatcmpl-");
    assertThat(body.get("model").stringValue()).isEqualTo("gpt-4o-mini");
    assertThat(body.get("choices").get(0).get("message").get("role").stringValue())
        .isEqualTo("assistant");
    JsonNode usage = body.get("usage");
    assertThat(usage.get("prompt_tokens").intValue()).isPositive();
    assertThat(usage.get("completion_tokens").intValue()).isPositive();
    assertThat(usage.get("total_tokens").intValue())
        .isEqualTo(
            usage.get("prompt_tokens").intValue() + usage.get("completion_tokens").intValue());
  }

  @Test
  void chatCompletionBeyondTheTenantQuotaIs429WithRetryAfter() {
    for (int i = 0; i < 3; i++) {
      assertThat(
              demo.post("/v1/chat/completions", CHAT_BODY, "X-Tenant-ID", "tenant-quota")
                  .statusCode())
          .isEqualTo(200);
    }
    HttpResponse<String> refused =
        demo.post("/v1/chat/completions", CHAT_BODY, "X-Tenant-ID", "tenant-quota");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(json(refused).get("error").get("code").stringValue()).isEqualTo("quota_exceeded");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void quotaIsPerTenant() {
    for (int i = 0; i < 4; i++) {
      demo.post("/v1/chat/completions", CHAT_BODY, "X-Tenant-ID", "tenant-noisy");
    }
    assertThat(
            demo.post("/v1/chat/completions", CHAT_BODY, "X-Tenant-ID", "tenant-quiet")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void providerFaultInjectionIs502() {
    HttpResponse<String> response =
        demo.post(
            "/v1/chat/completions",
            CHAT_BODY,
            "X-Tenant-ID",
            "tenant-502",
            "X-Demo-Fail",
            "provider");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(json(response).get("error").get("type").stringValue()).isEqualTo("upstream_error");
  }

  @Test
  void serverFaultInjectionIs500WithoutInternalsInTheBody() {
    HttpResponse<String> response =
        demo.post(
            "/v1/chat/completions",
            CHAT_BODY,
            "X-Tenant-ID",
            "tenant-500",
            "X-Demo-Fail",
            "server");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at ai.lyss");
  }

  @Test
  void unknownFaultValueIs400() {
    assertThat(
            demo.post("/v1/chat/completions", CHAT_BODY, "X-Tenant-ID", "t", "X-Demo-Fail", "disk")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void missingTenantHeaderIs400() {
    HttpResponse<String> response = demo.post("/v1/chat/completions", CHAT_BODY);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").get("code").stringValue()).isEqualTo("missing_tenant");
  }

  @Test
  void tenantWithControlCharactersIs400() {
    assertThat(
            demo.post("/v1/chat/completions", CHAT_BODY, "X-Tenant-ID", "evil tenant!")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void malformedJsonIs400() {
    assertThat(demo.post("/v1/chat/completions", "{\"model\":", "X-Tenant-ID", "t").statusCode())
        .isEqualTo(400);
  }

  @Test
  void emptyMessagesIs400() {
    assertThat(
            demo.post(
                    "/v1/chat/completions",
                    "{\"model\":\"gpt-4o\",\"messages\":[]}",
                    "X-Tenant-ID",
                    "t")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void unknownModelIs404() {
    HttpResponse<String> response =
        demo.post(
            "/v1/chat/completions",
            "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "X-Tenant-ID",
            "t");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("error").get("code").stringValue()).isEqualTo("model_not_found");
  }

  @Test
  void bodyLargerThanTheCapIs413() {
    String huge = "{\"model\":\"" + "x".repeat(300 * 1024) + "\"}";

    assertThat(demo.post("/v1/chat/completions", huge, "X-Tenant-ID", "t").statusCode())
        .isEqualTo(413);
  }

  @Test
  void conversationIsCreatedReadAndMessagedBackWith201And200() {
    HttpResponse<String> created =
        demo.post("/v1/conversations", "{\"title\":\"Support\"}", "X-Tenant-ID", "conv-tenant");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = json(created).get("id").stringValue();
    assertThat(created.headers().firstValue("Location")).hasValue("/v1/conversations/" + id);

    HttpResponse<String> message =
        demo.post(
            "/v1/conversations/" + id + "/messages",
            "{\"type\":\"image\",\"content\":\"a cat\"}",
            "X-Tenant-ID",
            "conv-tenant");
    assertThat(message.statusCode()).isEqualTo(201);

    HttpResponse<String> read = demo.get("/v1/conversations/" + id, "X-Tenant-ID", "conv-tenant");
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode messages = json(read).get("messages");
    assertThat(messages.size()).isEqualTo(1);
    assertThat(messages.get(0).get("type").stringValue()).isEqualTo("image");
  }

  @Test
  void anotherTenantsConversationIs404() {
    String id =
        json(demo.post("/v1/conversations", "{}", "X-Tenant-ID", "owner")).get("id").stringValue();

    assertThat(demo.get("/v1/conversations/" + id, "X-Tenant-ID", "intruder").statusCode())
        .isEqualTo(404);
  }

  @Test
  void messageToUnknownConversationIs404() {
    assertThat(
            demo.post(
                    "/v1/conversations/conv_nope/messages",
                    "{\"content\":\"hi\"}",
                    "X-Tenant-ID",
                    "t")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void messageWithUnknownTypeIs400() {
    String id =
        json(demo.post("/v1/conversations", "{}", "X-Tenant-ID", "t")).get("id").stringValue();

    assertThat(
            demo.post(
                    "/v1/conversations/" + id + "/messages",
                    "{\"type\":\"hologram\",\"content\":\"hi\"}",
                    "X-Tenant-ID",
                    "t")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void loginIs201AndLogoutIs204ThenLogoutAgainIs404() {
    HttpResponse<String> login =
        demo.post("/v1/sessions", "{\"user_id\":\"alice\"}", "X-Tenant-ID", "sess-tenant");
    assertThat(login.statusCode()).isEqualTo(201);
    String id = json(login).get("id").stringValue();

    assertThat(demo.delete("/v1/sessions/" + id, "X-Tenant-ID", "sess-tenant").statusCode())
        .isEqualTo(204);
    assertThat(demo.delete("/v1/sessions/" + id, "X-Tenant-ID", "sess-tenant").statusCode())
        .isEqualTo(404);
  }

  @Test
  void loginWithoutUserIdIs400() {
    assertThat(demo.post("/v1/sessions", "{}", "X-Tenant-ID", "t").statusCode()).isEqualTo(400);
  }

  @Test
  void wrongMethodOnAKnownRouteIs405WithAllow() {
    HttpResponse<String> response = demo.get("/v1/sessions/sess_1", "X-Tenant-ID", "t");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("DELETE");
  }

  @Test
  void unknownPathIs404Json() {
    HttpResponse<String> response = demo.get("/no/such/path");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("error").get("code").stringValue()).isEqualTo("not_found");
  }
}
