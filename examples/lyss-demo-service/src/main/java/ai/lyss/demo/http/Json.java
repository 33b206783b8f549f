package ai.lyss.demo.http;

import ai.lyss.demo.gateway.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reading and writing JSON bodies, with a size cap on what is read. */
public final class Json {

  /** Largest request body accepted, in bytes. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  /** The shared mapper (thread-safe). */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * Reads the request body as a JSON object; an empty body reads as {@code {}}.
   *
   * @param request the request
   * @throws ApiException 400 for malformed JSON or a non-object, 413 past {@link #MAX_BODY_BYTES}
   */
  static JsonNode readObject(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    if (body.length == 0) {
      return object();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw ApiException.badRequest("invalid_json", "The request body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("invalid_json", "The request body must be a JSON object");
    }
    return node;
  }

  /**
   * Writes a JSON response.
   *
   * @param response the response
   * @param status HTTP status
   * @param body the body
   */
  static void write(HttpServletResponse response, int status, JsonNode body) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /**
   * Writes an OpenAI-style error: {@code {"error":{"message","type","code"}}}.
   *
   * @param response the response
   * @param status HTTP status
   * @param type error type
   * @param code error code
   * @param message human-readable message
   */
  static void writeError(
      HttpServletResponse response, int status, String type, String code, String message)
      throws IOException {
    ObjectNode body = object();
    ObjectNode error = body.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.put("code", code);
    write(response, status, body);
  }

  private static ApiException tooLarge() {
    return ApiException.tooLarge("The request body is larger than " + MAX_BODY_BYTES + " bytes");
  }
}
