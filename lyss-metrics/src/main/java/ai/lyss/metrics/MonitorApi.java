package ai.lyss.metrics;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint method: every call is counted in {@code http_requests_total} and timed in
 * {@code http_request_duration_seconds} under {@code endpoint="<value>"}, success and failure
 * alike, without changing the method's result or exception. A method returning a {@code
 * CompletionStage} is measured until the stage completes. A failure's status comes from the {@link
 * StatusMapper} (500 by default).
 *
 * <p>When the call runs inside a request measured by the servlet or JDK HTTP filter, the filter
 * records the request once (no double count) and uses this name as the endpoint unless the
 * framework supplied a route template.
 *
 * <p>Processed by {@code ai.lyss.metrics.aspectj.MonitorApiAspect} (Spring AOP or AspectJ weaving)
 * or by {@link MonitoredProxy} (plain Java, interfaces).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MonitorApi {

  /**
   * The endpoint name recorded in the {@code endpoint} label, for example {@code chat_completions}.
   */
  String value();

  /**
   * The {@code method} label when the call is not inside a measured HTTP request, for example
   * {@code POST}; {@code unknown} by default.
   */
  String method() default "unknown";
}
