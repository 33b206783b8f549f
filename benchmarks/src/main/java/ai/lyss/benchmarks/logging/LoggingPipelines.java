package ai.lyss.benchmarks.logging;

import ai.lyss.logging.LyssAsyncAppender;
import ai.lyss.logging.LyssJsonEncoder;
import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.OutputStream;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.MDC;

/** Builds the two pipelines compared by the logging benchmarks, each writing to a null stream. */
final class LoggingPipelines {

  static final int QUEUE_SIZE = 8192;

  private LoggingPipelines() {}

  /** Lyss: LyssAsyncAppender, then LyssJsonEncoder (redaction on) into a discarding stream. */
  static LoggerContext lyss(OutputStream sink) {
    LoggerContext context = newContext("lyss");
    LyssJsonEncoder encoder = new LyssJsonEncoder();
    encoder.setContext(context);
    encoder.setService("bench-service");
    encoder.setVersion("1.0.0");
    encoder.setRedaction(true);
    encoder.start();
    LyssAsyncAppender async = new LyssAsyncAppender();
    async.setContext(context);
    async.setQueueSize(QUEUE_SIZE);
    async.addAppender(sink(context, encoder, sink));
    async.start();
    root(context).addAppender(async);
    return context;
  }

  /** Baseline: Logback's AsyncAppender, then a plain LogstashEncoder into a discarding stream. */
  static LoggerContext logstash(OutputStream sink) {
    LoggerContext context = newContext("logstash");
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.start();
    AsyncAppender async = new AsyncAppender();
    async.setContext(context);
    async.setName("ASYNC");
    async.setQueueSize(QUEUE_SIZE);
    async.addAppender(sink(context, encoder, sink));
    async.start();
    root(context).addAppender(async);
    return context;
  }

  /** Queued events of the pipeline's asynchronous appender. */
  static int pending(LoggerContext context) {
    var appender = root(context).iteratorForAppenders().next();
    if (appender instanceof LyssAsyncAppender lyss) {
      return lyss.getPendingCount();
    }
    return ((AsyncAppender) appender).getNumberOfElementsInQueue();
  }

  /** Spins until the writer thread has emptied the queue, so each batch starts alike. */
  static void awaitDrained(LoggerContext context) {
    while (pending(context) > 0) {
      Thread.onSpinWait();
    }
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

  private static OutputStreamAppender<ILoggingEvent> sink(
      LoggerContext context, Encoder<ILoggingEvent> encoder, OutputStream stream) {
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("NULL");
    appender.setEncoder(encoder);
    appender.setOutputStream(stream);
    appender.start();
    return appender;
  }
}
