package ai.lyss.demo.http;

import ai.lyss.core.http.ObservedRequest;
import ai.lyss.demo.gateway.ChatService.ChatCompletion;
import ai.lyss.demo.gateway.ProviderResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.ObjectNode;

/**
 * A streamed chat completion as server-sent events in the OpenAI shape: {@code data: {chunk}} lines
 * ({@code object: chat.completion.chunk}), a final chunk carrying the finish reason and {@code
 * usage}, then {@code data: [DONE]}. Each event is flushed at once. The status and headers are sent
 * with the first piece, so a failure before it (unknown model, quota, provider) is still an
 * ordinary JSON error. Once writing fails the client has gone: nothing more is written, and the
 * request pipeline records 499 because the response could not be written.
 */
final class ChatStream {

  private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private boolean started;
  private boolean gone;

  ChatStream(HttpServletRequest request, HttpServletResponse response) {
    this.request = request;
    this.response = response;
  }

  /** Writes one piece; {@code false} once the client has gone. */
  boolean delta(String id, long created, String model, String text) {
    ObjectNode chunk = chunk(id, created, model);
    ObjectNode delta = chunk.withArray("choices").addObject().put("index", 0).putObject("delta");
    if (!started) {
      delta.put("role", "assistant");
    }
    delta.put("content", text);
    chunk.withArray("choices").get(0).asObject().putNull("finish_reason");
    return send(chunk);
  }

  /** Whether the client went away while the answer streamed. */
  boolean gone() {
    return gone;
  }

  /** Writes the final chunk (finish reason, usage) and the {@code [DONE]} marker. */
  void finish(ChatCompletion completion) {
    ProviderResponse answer = completion.response();
    ObjectNode chunk = chunk(completion.id(), completion.createdEpochSeconds(), answer.model());
    ObjectNode choice = chunk.withArray("choices").addObject().put("index", 0);
    choice.putObject("delta");
    choice.put("finish_reason", answer.finishReason());
    ObjectNode usage = chunk.putObject("usage");
    usage.put("prompt_tokens", answer.inputTokens());
    usage.put("completion_tokens", answer.outputTokens());
    usage.put("total_tokens", answer.inputTokens() + answer.outputTokens());
    if (send(chunk)) {
      write(DONE);
    }
  }

  private static ObjectNode chunk(String id, long created, String model) {
    ObjectNode chunk = Json.object();
    chunk.put("id", id);
    chunk.put("object", "chat.completion.chunk");
    chunk.put("created", created);
    chunk.put("model", model);
    return chunk;
  }

  private boolean send(ObjectNode chunk) {
    byte[] json = Json.MAPPER.writeValueAsBytes(chunk);
    byte[] event = new byte[json.length + 8];
    System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, event, 0, 6);
    System.arraycopy(json, 0, event, 6, json.length);
    event[event.length - 2] = '\n';
    event[event.length - 1] = '\n';
    return write(event);
  }

  private boolean write(byte[] bytes) {
    if (gone) {
      return false;
    }
    try {
      if (!started) {
        started = true;
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        // Proxies such as nginx buffer responses unless told otherwise.
        response.setHeader("X-Accel-Buffering", "no");
      }
      ServletOutputStream out = response.getOutputStream();
      out.write(bytes);
      out.flush();
      if (request.getAttribute(ObservedRequest.FIRST_CHUNK_ATTRIBUTE) == null) {
        // The request's span and Request completed line carry the time to this first event.
        request.setAttribute(ObservedRequest.FIRST_CHUNK_ATTRIBUTE, System.nanoTime());
      }
      return true;
    } catch (IOException e) {
      gone = true;
      return false;
    }
  }
}
