package ai.lyss.logging;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The platform logging facade: messages with typed fields, audit events and security events, all
 * written through SLF4J (fields become SLF4J 2 key-value pairs) so that {@link LyssJsonEncoder}
 * turns them into one JSON line each.
 *
 * <pre>{@code
 * private static final StructuredLogger log = StructuredLogger.getLogger(ChatService.class);
 *
 * log.info("slow query", Fields.of("duration_ms", 1250, "table", "messages"));
 * log.error("provider call failed", e, Fields.of("provider", "openai"));
 * log.audit("conversation.delete", tenantId, userId, "delete", "conversation/42", "success");
 * log.security("auth.failed", Severity.HIGH, "5 failed logins in 60 s", Fields.of("ip", ip));
 * }</pre>
 *
 * <p>No method throws into the caller: a failure inside logging is swallowed.
 */
public final class StructuredLogger {

  private final Logger logger;

  private StructuredLogger(Logger logger) {
    this.logger = logger;
  }

  /**
   * A logger named after a class.
   *
   * @param type the class
   */
  public static StructuredLogger getLogger(Class<?> type) {
    return new StructuredLogger(LoggerFactory.getLogger(requireNonNull(type, "type")));
  }

  /**
   * A logger with a name.
   *
   * @param name the logger name
   */
  public static StructuredLogger getLogger(String name) {
    return new StructuredLogger(LoggerFactory.getLogger(requireNonNull(name, "name")));
  }

  /**
   * A facade over an existing SLF4J logger.
   *
   * @param logger the logger to write through
   */
  public static StructuredLogger of(Logger logger) {
    return new StructuredLogger(requireNonNull(logger, "logger"));
  }

  /** The SLF4J logger underneath. */
  public Logger slf4j() {
    return logger;
  }

  /**
   * Logs at DEBUG.
   *
   * @param message the message
   * @param fields event fields
   */
  public void debug(String message, Fields fields) {
    if (logger.isDebugEnabled()) {
      log(Level.DEBUG, message, null, fields);
    }
  }

  /**
   * Logs at INFO.
   *
   * @param message the message
   */
  public void info(String message) {
    info(message, Fields.empty());
  }

  /**
   * Logs at INFO.
   *
   * @param message the message
   * @param fields event fields
   */
  public void info(String message, Fields fields) {
    if (logger.isInfoEnabled()) {
      log(Level.INFO, message, null, fields);
    }
  }

  /**
   * Logs at WARNING (Logback {@code WARN}).
   *
   * @param message the message
   */
  public void warning(String message) {
    warning(message, Fields.empty());
  }

  /**
   * Logs at WARNING (Logback {@code WARN}).
   *
   * @param message the message
   * @param fields event fields
   */
  public void warning(String message, Fields fields) {
    if (logger.isWarnEnabled()) {
      log(Level.WARN, message, null, fields);
    }
  }

  /**
   * Logs at ERROR.
   *
   * @param message the message
   */
  public void error(String message) {
    error(message, null, Fields.empty());
  }

  /**
   * Logs at ERROR.
   *
   * @param message the message
   * @param fields event fields
   */
  public void error(String message, Fields fields) {
    error(message, null, fields);
  }

  /**
   * Logs at ERROR with an exception, written as the {@code error} object.
   *
   * @param message the message
   * @param error the exception, may be {@code null}
   */
  public void error(String message, @Nullable Throwable error) {
    error(message, error, Fields.empty());
  }

  /**
   * Logs at ERROR with an exception, written as the {@code error} object.
   *
   * @param message the message
   * @param error the exception, may be {@code null}
   * @param fields event fields
   */
  public void error(String message, @Nullable Throwable error, Fields fields) {
    if (logger.isErrorEnabled()) {
      log(Level.ERROR, message, error, fields);
    }
  }

  /**
   * Writes an audit event: {@code level:"AUDIT"}, {@code message:"Audit event: <eventType>"}.
   *
   * @param eventType what kind of event, for example {@code conversation.delete}
   * @param tenantId the tenant
   * @param userId the acting user
   * @param action what was done
   * @param resource what it was done to
   * @param result the outcome
   */
  public void audit(
      String eventType,
      @Nullable String tenantId,
      @Nullable String userId,
      String action,
      String resource,
      String result) {
    audit(eventType, tenantId, userId, action, resource, result, Fields.empty());
  }

  /**
   * Writes an audit event with extra fields.
   *
   * @param eventType what kind of event, for example {@code conversation.delete}
   * @param tenantId the tenant
   * @param userId the acting user
   * @param action what was done
   * @param resource what it was done to
   * @param result the outcome
   * @param extra more event fields
   */
  public void audit(
      String eventType,
      @Nullable String tenantId,
      @Nullable String userId,
      String action,
      String resource,
      String result,
      Fields extra) {
    try {
      LoggingEventBuilder event =
          logger
              .makeLoggingEventBuilder(Level.INFO)
              .addMarker(LyssMarkers.AUDIT)
              .setMessage("Audit event: " + eventType)
              .addKeyValue(LogFields.EVENT_TYPE, eventType)
              .addKeyValue(LogFields.TENANT_ID, tenantId)
              .addKeyValue(LogFields.USER_ID, userId)
              .addKeyValue(LogFields.ACTION, action)
              .addKeyValue(LogFields.RESOURCE, resource)
              .addKeyValue(LogFields.RESULT, result);
      addAll(event, extra).log();
    } catch (RuntimeException e) {
      // Logging never throws into the service.
    }
  }

  /**
   * Writes a security event: {@code level:"SECURITY"}, {@code message:"Security event:
   * <eventType>"}.
   *
   * @param eventType what kind of event, for example {@code auth.failed}
   * @param severity how serious it is
   * @param description what happened
   */
  public void security(String eventType, Severity severity, String description) {
    security(eventType, severity, description, Fields.empty());
  }

  /**
   * Writes a security event with extra fields.
   *
   * @param eventType what kind of event, for example {@code auth.failed}
   * @param severity how serious it is
   * @param description what happened
   * @param extra more event fields
   */
  public void security(String eventType, Severity severity, String description, Fields extra) {
    try {
      LoggingEventBuilder event =
          logger
              .makeLoggingEventBuilder(Level.WARN)
              .addMarker(LyssMarkers.SECURITY)
              .setMessage("Security event: " + eventType)
              .addKeyValue(LogFields.EVENT_TYPE, eventType)
              .addKeyValue(LogFields.SEVERITY, severity == null ? null : severity.value())
              .addKeyValue(LogFields.DESCRIPTION, description);
      addAll(event, extra).log();
    } catch (RuntimeException e) {
      // Logging never throws into the service.
    }
  }

  private void log(Level level, String message, @Nullable Throwable error, Fields fields) {
    try {
      LoggingEventBuilder event = logger.makeLoggingEventBuilder(level).setMessage(message);
      if (error != null) {
        event.setCause(error);
      }
      addAll(event, fields).log();
    } catch (RuntimeException e) {
      // Logging never throws into the service.
    }
  }

  private static LoggingEventBuilder addAll(LoggingEventBuilder event, @Nullable Fields fields) {
    if (fields != null) {
      for (int i = 0, n = fields.size(); i < n; i++) {
        event.addKeyValue(fields.key(i), fields.value(i));
      }
    }
    return event;
  }
}
