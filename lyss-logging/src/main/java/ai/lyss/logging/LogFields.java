package ai.lyss.logging;

import java.util.List;

/**
 * The JSON field names of the platform log schema (design.md §3), in the order they are written.
 * The context names are also the MDC keys: code that puts {@link #REQUEST_ID} into the SLF4J MDC
 * gets a {@code request_id} field on every line.
 */
public final class LogFields {

  /** When the event happened: ISO-8601 UTC with millisecond precision and {@code Z}. */
  public static final String TIMESTAMP = "timestamp";

  /**
   * {@code DEBUG}, {@code INFO}, {@code WARNING}, {@code ERROR}, {@code AUDIT} or {@code SECURITY}.
   */
  public static final String LEVEL = "level";

  /** The service name ({@code LYSS_SERVICE_NAME}). */
  public static final String SERVICE = "service";

  /** The service version ({@code LYSS_SERVICE_VERSION}). */
  public static final String VERSION = "version";

  /** The deployment environment ({@code LYSS_ENVIRONMENT}), written only when configured. */
  public static final String ENVIRONMENT = "environment";

  /** The formatted, redacted log message. */
  public static final String MESSAGE = "message";

  /** The name of the logger that wrote the event. */
  public static final String LOGGER = "logger";

  /** The name of the thread that wrote the event. */
  public static final String THREAD = "thread";

  /** Context and MDC key: the id of the HTTP request being served. */
  public static final String REQUEST_ID = "request_id";

  /** Context and MDC key: the tenant the work is done for. */
  public static final String TENANT_ID = "tenant_id";

  /** Context and MDC key: the W3C trace id (32 hex digits) of the current span. */
  public static final String TRACE_ID = "trace_id";

  /** Context and MDC key: the span id (16 hex digits) of the current span. */
  public static final String SPAN_ID = "span_id";

  /** The exception of an event: an object with {@link #ERROR_TYPE}, message and stack trace. */
  public static final String ERROR = "error";

  /** Inside {@link #ERROR}: the exception class name. */
  public static final String ERROR_TYPE = "type";

  /** Inside {@link #ERROR}: the exception message, redacted. */
  public static final String ERROR_MESSAGE = "message";

  /** Inside {@link #ERROR}: the stack trace with causes, redacted and capped. */
  public static final String ERROR_STACK_TRACE = "stack_trace";

  /** Audit and security events: the event type. */
  public static final String EVENT_TYPE = "event_type";

  /** Audit events: the acting user. */
  public static final String USER_ID = "user_id";

  /** Audit events: what was done ({@code delete}, {@code login}, ...). */
  public static final String ACTION = "action";

  /** Audit events: what it was done to. */
  public static final String RESOURCE = "resource";

  /** Audit events: the outcome ({@code success}, {@code denied}, ...). */
  public static final String RESULT = "result";

  /** Security events: {@code low}, {@code medium}, {@code high} or {@code critical}. */
  public static final String SEVERITY = "severity";

  /** Security events: what happened, in words. */
  public static final String DESCRIPTION = "description";

  /** Request middleware: the HTTP method. */
  public static final String METHOD = "method";

  /** Request middleware: the request URL with query string (secrets redacted). */
  public static final String URL = "url";

  /** Request middleware: the client address (X-Forwarded-For only from trusted proxies). */
  public static final String CLIENT_IP = "client_ip";

  /** Request middleware: the {@code User-Agent} header. */
  public static final String USER_AGENT = "user_agent";

  /** Request middleware: the response status code, a number. */
  public static final String STATUS_CODE = "status_code";

  /** Request middleware and timings: elapsed milliseconds, a number. */
  public static final String DURATION_MS = "duration_ms";

  /**
   * Request middleware: milliseconds from the request to the first chunk of a streamed response, a
   * number (absent unless the response was streamed).
   */
  public static final String TIME_TO_FIRST_CHUNK_MS = "time_to_first_chunk_ms";

  /** Request middleware: response body bytes, a number (absent when unknown). */
  public static final String RESPONSE_SIZE = "response_size";

  /**
   * Coalesced AUDIT/SECURITY event: how many identical events (same source, fields and message;
   * request and trace ids may differ) this one line stands for. Written only when above 1.
   */
  public static final String COUNT = "count";

  /** Coalesced event: time of the first of the identical events (same format as timestamp). */
  public static final String FIRST_TIMESTAMP = "first_timestamp";

  /** Coalesced event: time of the last of the identical events. */
  public static final String LAST_TIMESTAMP = "last_timestamp";

  /** The context fields, in schema order; each is written at most once per line. */
  public static final List<String> CONTEXT = List.of(REQUEST_ID, TENANT_ID, TRACE_ID, SPAN_ID);

  /**
   * Names an event field may not take because the schema owns them; a caller-supplied key in this
   * list is written as {@link #RENAMED_PREFIX} plus the key (for example {@code field_level}).
   */
  public static final List<String> RESERVED =
      List.of(TIMESTAMP, LEVEL, SERVICE, VERSION, ENVIRONMENT, MESSAGE, LOGGER, THREAD, ERROR);

  /** Prefix given to a caller-supplied key that collides with a reserved field. */
  public static final String RENAMED_PREFIX = "field_";

  private LogFields() {}
}
