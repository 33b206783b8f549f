package ai.lyss.benchmarks.logging;

import ai.lyss.logging.LyssAsyncAppender;
import ai.lyss.logging.LyssJsonEncoder;
import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.OutputStream;
import java.nio.file.Path;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.MDC;

/**
 * The logging pipelines of the saturation run, written the way a service's {@code logback.xml}
 * wires them (a {@link FileAppender} behind the asynchronous appender, every setting at its
 * default), plus public access to the discarding Lyss pipeline of {@link LoggingPipelines} for
 * benchmarks in other packages.
 */
public final class LogSaturationPipelines {

  private LogSaturationPipelines() {}

  /**
   * The Lyss pipeline of the logging benchmarks (LyssAsyncAppender, LyssJsonEncoder with redaction)
   * writing into the given stream.
   *
   * @param sink where encoded events go
   */
  public static LoggerContext lyssInto(OutputStream sink) {
    return LoggingPipelines.lyss(sink);
  }

  /**
   * Lyss: {@link LyssAsyncAppender} (defaults) then {@link LyssJsonEncoder} into a file.
   *
   * @param file the log file
   */
  public static LoggerContext lyssFile(Path file) {
    LoggerContext context = newContext("lyss");
    LyssJsonEncoder encoder = new LyssJsonEncoder();
    encoder.setContext(context);
    encoder.setService("bench-service");
    encoder.setVersion("1.0.0");
    encoder.start();
    LyssAsyncAppender async = new LyssAsyncAppender();
    async.setContext(context);
    async.addAppender(file(context, encoder, file));
    async.start();
    root(context).addAppender(async);
    return context;
  }

  /**
   * Baseline: Logback's {@link AsyncAppender} (defaults: queue 256, INFO and below discarded when
   * 80 % full, callers block when full) then a {@link LogstashEncoder} into a file.
   *
   * @param file the log file
   * @param neverDiscard {@code discardingThreshold=0}: no event is discarded, callers wait for room
   *     when the queue is full (the writer's own capacity, comparable with Lyss AUDIT events)
   */
  public static LoggerContext logstashFile(Path file, boolean neverDiscard) {
    LoggerContext context = newContext("logstash");
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.start();
    AsyncAppender async = new AsyncAppender();
    async.setContext(context);
    async.setName("ASYNC");
    if (neverDiscard) {
      async.setDiscardingThreshold(0);
    }
    async.addAppender(file(context, encoder, file));
    async.start();
    root(context).addAppender(async);
    return context;
  }

  /**
   * The asynchronous appender on the root logger of a pipeline.
   *
   * @param context a pipeline built here
   */
  public static Appender<ILoggingEvent> asyncAppender(LoggerContext context) {
    return root(context).iteratorForAppenders().next();
  }

  /**
   * Events queued in the pipeline's asynchronous appender.
   *
   * @param context a pipeline built here
   */
  public static int pending(LoggerContext context) {
    return LoggingPipelines.pending(context);
  }

  private static LoggerContext newContext(String name) {
    LoggerContext context = new LoggerContext();
    context.setName(name);
    context.setMDCAdapter(MDC.getMDCAdapter());
    root(context).setLevel(Level.INFO);
    context.start();
    return context;
  }

  private static Logger root(LoggerContext context) {
    return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static FileAppender<ILoggingEvent> file(
      LoggerContext context, Encoder<ILoggingEvent> encoder, Path file) {
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("FILE");
    appender.setFile(file.toString());
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }
}
