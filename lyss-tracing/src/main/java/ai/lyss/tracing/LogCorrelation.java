package ai.lyss.tracing;

import ai.lyss.tracing.internal.MdcContextStorage;
import io.opentelemetry.context.ContextStorage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts {@value #TRACE_ID} and {@value #SPAN_ID} into the SLF4J MDC (Logback) while a span is
 * current, so every log line carries them. Installed by {@link LyssTracingBuilder#build()} when
 * SLF4J is on the class path; a no-op otherwise.
 *
 * <p>OpenTelemetry fixes its context storage the first time any code uses a {@code Context}: call
 * {@link #install()} at the very start of {@code main} if other code may use OpenTelemetry before
 * {@code LyssTracing} is built.
 */
public final class LogCorrelation {

  /** MDC key of the current trace id. */
  public static final String TRACE_ID = MdcContextStorage.TRACE_ID;

  /** MDC key of the current span id. */
  public static final String SPAN_ID = MdcContextStorage.SPAN_ID;

  private static final AtomicBoolean ADDED = new AtomicBoolean();

  private LogCorrelation() {}

  /**
   * Installs the MDC bridge once; idempotent.
   *
   * @return whether the bridge is active (SLF4J present and installed before the context storage
   *     was first used)
   */
  public static boolean install() {
    if (!slf4jPresent()) {
      return false;
    }
    if (ADDED.compareAndSet(false, true)) {
      ContextStorage.addWrapper(MdcContextStorage::new);
    }
    return isActive();
  }

  /** Whether the MDC bridge is the context storage in use. */
  public static boolean isActive() {
    return slf4jPresent() && isMdcStorage(ContextStorage.get());
  }

  private static boolean isMdcStorage(ContextStorage storage) {
    return storage instanceof MdcContextStorage;
  }

  private static boolean slf4jPresent() {
    try {
      Class.forName("org.slf4j.MDC", false, LogCorrelation.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
