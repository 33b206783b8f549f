package ai.lyss.tracing;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Every span attribute key lyss-tracing writes, in one place (design.md §4). Keys follow the
 * OpenTelemetry semantic conventions, plus the original design's {@code function.*} keys.
 */
public final class TracingAttributes {

  // Resource.
  /** Logical name of the service. */
  public static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  /** Version of the service. */
  public static final AttributeKey<String> SERVICE_VERSION =
      AttributeKey.stringKey("service.version");

  /** Deployment environment, for example {@code production}. */
  public static final AttributeKey<String> DEPLOYMENT_ENVIRONMENT_NAME =
      AttributeKey.stringKey("deployment.environment.name");

  // @Traced.
  /** OTel: fully qualified method name, {@code com.example.Chat.reply}. */
  public static final AttributeKey<String> CODE_FUNCTION_NAME =
      AttributeKey.stringKey("code.function.name");

  /** Original design: the method's simple name. */
  public static final AttributeKey<String> FUNCTION_NAME = AttributeKey.stringKey("function.name");

  /** Original design: the declaring class, fully qualified (Python's module). */
  public static final AttributeKey<String> FUNCTION_MODULE =
      AttributeKey.stringKey("function.module");

  /** Original design: {@value #RESULT_SUCCESS} or {@value #RESULT_ERROR}. */
  public static final AttributeKey<String> FUNCTION_RESULT =
      AttributeKey.stringKey("function.result");

  /** Value of {@link #FUNCTION_RESULT} when the call returned normally. */
  public static final String RESULT_SUCCESS = "success";

  /** Value of {@link #FUNCTION_RESULT} when the call threw or its future failed. */
  public static final String RESULT_ERROR = "error";

  /** The fully qualified exception class, or the HTTP status code for HTTP errors. */
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** Original design: the exception message (capped at {@value #MAX_MESSAGE_LENGTH} chars). */
  public static final AttributeKey<String> ERROR_MESSAGE = AttributeKey.stringKey("error.message");

  /** Cap for {@link #ERROR_MESSAGE}. */
  public static final int MAX_MESSAGE_LENGTH = 1024;

  /** Name of the span event that records an exception (OpenTelemetry semantic conventions). */
  public static final String EXCEPTION_EVENT = "exception";

  /** Exception event: the fully qualified exception class. */
  public static final AttributeKey<String> EXCEPTION_TYPE =
      AttributeKey.stringKey("exception.type");

  /** Exception event: the exception message, secrets masked. */
  public static final AttributeKey<String> EXCEPTION_MESSAGE =
      AttributeKey.stringKey("exception.message");

  /** Exception event: the stack trace as {@link Throwable#printStackTrace()} writes it, masked. */
  public static final AttributeKey<String> EXCEPTION_STACKTRACE =
      AttributeKey.stringKey("exception.stacktrace");

  // HTTP.
  /** HTTP method, upper case. */
  public static final AttributeKey<String> HTTP_REQUEST_METHOD =
      AttributeKey.stringKey("http.request.method");

  /** The route template the framework matched ({@code /v1/conversations/{id}}), when known. */
  public static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");

  /** HTTP response status code. */
  public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      AttributeKey.longKey("http.response.status_code");

  /** Path of the request, without query string. */
  public static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

  /** Scheme of the request ({@code http}, {@code https}). */
  public static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");

  /** Client spans: the URL called, without user info and query string. */
  public static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

  /** Host name the request was sent to. */
  public static final AttributeKey<String> SERVER_ADDRESS =
      AttributeKey.stringKey("server.address");

  /** Port the request was sent to. */
  public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

  /** Address of the peer that sent the request. */
  public static final AttributeKey<String> CLIENT_ADDRESS =
      AttributeKey.stringKey("client.address");

  /** The {@code User-Agent} header. */
  public static final AttributeKey<String> USER_AGENT_ORIGINAL =
      AttributeKey.stringKey("user_agent.original");

  /** HTTP protocol version, {@code 1.1} or {@code 2}. */
  public static final AttributeKey<String> NETWORK_PROTOCOL_VERSION =
      AttributeKey.stringKey("network.protocol.version");

  // GenAI.
  /** GenAI: {@code chat}, {@code text_completion}, {@code embeddings}, ... */
  public static final AttributeKey<String> GEN_AI_OPERATION_NAME =
      AttributeKey.stringKey("gen_ai.operation.name");

  /** GenAI: the provider, {@code openai}, {@code anthropic}, ... */
  public static final AttributeKey<String> GEN_AI_PROVIDER_NAME =
      AttributeKey.stringKey("gen_ai.provider.name");

  /** GenAI: the model asked for. */
  public static final AttributeKey<String> GEN_AI_REQUEST_MODEL =
      AttributeKey.stringKey("gen_ai.request.model");

  /** GenAI: the model that answered. */
  public static final AttributeKey<String> GEN_AI_RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");

  /** GenAI: prompt tokens. */
  public static final AttributeKey<Long> GEN_AI_USAGE_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");

  /** GenAI: completion tokens. */
  public static final AttributeKey<Long> GEN_AI_USAGE_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");

  /** GenAI: why the model stopped, one entry per choice. */
  public static final AttributeKey<List<String>> GEN_AI_RESPONSE_FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");

  /**
   * GenAI: seconds from sending a streaming request to receiving its first chunk (an experimental
   * attribute of the OpenTelemetry GenAI semantic conventions).
   */
  public static final AttributeKey<Double> GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK =
      AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");

  /** GenAI: the response id the provider returned. */
  public static final AttributeKey<String> GEN_AI_RESPONSE_ID =
      AttributeKey.stringKey("gen_ai.response.id");

  /** GenAI: the input messages, only when content capture is switched on. */
  public static final AttributeKey<String> GEN_AI_INPUT_MESSAGES =
      AttributeKey.stringKey("gen_ai.input.messages");

  /** GenAI: the output messages, only when content capture is switched on. */
  public static final AttributeKey<String> GEN_AI_OUTPUT_MESSAGES =
      AttributeKey.stringKey("gen_ai.output.messages");

  private TracingAttributes() {}
}
