package ai.lyss.tracing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method in a span named {@link #value()} (the original design's {@code
 * trace_function}). The span carries {@code code.function.name}, {@code function.name}, {@code
 * function.module} and {@code function.result}; on error also {@code error.type}, {@code
 * error.message}, an exception event and status ERROR. A method returning a {@link
 * java.util.concurrent.CompletionStage} ends its span when the stage completes.
 *
 * <p>Processed by {@link ai.lyss.tracing.aspectj.TracedAspect} (Spring AOP, AspectJ weaving) or by
 * {@link TracedProxy} (plain Java interfaces).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Traced {

  /** The span name, the operation; empty means {@code SimpleClassName.method}. */
  String value() default "";
}
