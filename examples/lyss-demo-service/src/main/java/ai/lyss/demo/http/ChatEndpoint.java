package ai.lyss.demo.http;

import ai.lyss.demo.gateway.ApiException;
import ai.lyss.demo.gateway.ChatMessage;
import ai.lyss.demo.gateway.ChatService;
import ai.lyss.demo.gateway.ChatService.ChatCompletion;
import ai.lyss.demo.gateway.ChatService.ChatRequest;
import ai.lyss.demo.gateway.ProviderResponse;
import ai.lyss.demo.gateway.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/chat/completions}: OpenAI-compatible request and response bodies; with {@code
 * "stream": true} the answer is streamed as server-sent events ({@link ChatStream}).
 */
final class ChatEndpoint {

  private static final List<String> ROLES = List.of("system", "user", "assistant", "tool");
  private static final int MAX_MESSAGES = 100;
  private static final int MAX_OUTPUT_TOKENS = 4096;

  private final ChatService chat;

  ChatEndpoint(ChatService chat) {
    this.chat = chat;
  }

  void complete(
      HttpServletRequest request, HttpServletResponse response, RequestContext context, String id)
      throws IOException {
    JsonNode requestBody = Json.readObject(request);
    ChatRequest chatRequest = parse(requestBody);
    if (streamRequested(requestBody)) {
      ChatStream stream = new ChatStream(request, response);
      ChatCompletion completion = chat.stream(context, chatRequest, stream::delta);
      if (!stream.gone()) {
        stream.finish(completion);
      }
      return;
    }
    ChatCompletion completion = chat.complete(context, chatRequest);
    ProviderResponse answer = completion.response();
    ObjectNode body = Json.object();
    body.put("id", completion.id());
    body.put("object", "chat.completion");
    body.put("created", completion.createdEpochSeconds());
    body.put("model", answer.model());
    body.put("provider", answer.provider());
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", answer.content());
    choice.put("finish_reason", answer.finishReason());
    ObjectNode usage = body.putObject("usage");
    usage.put("prompt_tokens", answer.inputTokens());
    usage.put("completion_tokens", answer.outputTokens());
    usage.put("total_tokens", answer.inputTokens() + answer.outputTokens());
    Json.write(response, 200, body);
  }

  private static boolean streamRequested(JsonNode body) {
    JsonNode stream = body.get("stream");
    if (stream == null || stream.isNull()) {
      return false;
    }
    if (!stream.isBoolean()) {
      throw ApiException.badRequest("invalid_stream", "'stream' must be true or false");
    }
    return stream.booleanValue();
  }

  private static ChatRequest parse(JsonNode body) {
    JsonNode model = body.get("model");
    if (model == null || !model.isString() || model.stringValue().isBlank()) {
      throw ApiException.badRequest("missing_model", "'model' (a model name) is required");
    }
    JsonNode messages = body.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      throw ApiException.badRequest("missing_messages", "'messages' must be a non-empty array");
    }
    if (messages.size() > MAX_MESSAGES) {
      throw ApiException.badRequest(
          "too_many_messages", "'messages' holds at most " + MAX_MESSAGES + " entries");
    }
    List<ChatMessage> prompt = new ArrayList<>(messages.size());
    for (JsonNode m : messages) {
      JsonNode role = m.get("role");
      JsonNode content = m.get("content");
      if (role == null || !role.isString() || !ROLES.contains(role.stringValue())) {
        throw ApiException.badRequest("invalid_message", "Each message needs a role in " + ROLES);
      }
      if (content == null || !content.isString()) {
        throw ApiException.badRequest("invalid_message", "Each message needs a string 'content'");
      }
      prompt.add(new ChatMessage(role.stringValue(), content.stringValue()));
    }
    int maxTokens = 0;
    JsonNode max = body.get("max_tokens");
    if (max != null && !max.isNull()) {
      if (!max.isInt() || max.intValue() < 1 || max.intValue() > MAX_OUTPUT_TOKENS) {
        throw ApiException.badRequest(
            "invalid_max_tokens", "'max_tokens' must be an integer from 1 to " + MAX_OUTPUT_TOKENS);
      }
      maxTokens = max.intValue();
    }
    String modelName = model.stringValue().strip();
    if (modelName.length() > 100) {
      throw ApiException.badRequest("invalid_model", "'model' is at most 100 characters");
    }
    return new ChatRequest(modelName, prompt, maxTokens);
  }
}
