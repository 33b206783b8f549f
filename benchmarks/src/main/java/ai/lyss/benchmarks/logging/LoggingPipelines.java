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
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.util.Duration;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.BiFunction;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.MDC;

/**
 * The logging pipelines the benchmarks compare, wired the way a service's {@code logback.xml} wires
 * them: Lyss ({@link LyssAsyncAppender}, then {@link LyssJsonEncoder} with redaction) and the usual
 * setup (Logback's {@link AsyncAppender}, then a {@link LogstashEncoder}), each writing into a
 * stream (JMH) or a file (the saturation run).
 */
public final class LoggingPipelines {

  /** Queue size of the stream pipelines, the same for both. */
  public static final int QUEUE_SIZE = 8192;

  /** Builds the output appender of a pipeline from its context and encoder. */
  private interface Output
      extends BiFunction<LoggerContext, Encoder<ILoggingEvent>, Appender<ILoggingEvent>> {}

  private LoggingPipelines() {}

  /**
   * Lyss into a stream, queue {@value #QUEUE_SIZE}.
   *
   * @param sink where encoded events go
   */
  public static LoggerContext lyss(OutputStream sink) {
    return lyss(stream(sink), QUEUE_SIZE, -1);
  }

  /**
   * The usual setup into a stream, queue {@value #QUEUE_SIZE}.
   *
   * @param sink where encoded events go
   */
  public static LoggerContext logstash(OutputStream sink) {
    return logstash(stream(sink), QUEUE_SIZE, false);
  }

  /**
   * Lyss with every appender setting at its default into a file.
   *
   * @param file the log file
   */
  public static LoggerContext lyssFile(Path file) {
    return lyss(file(file), 0, -1);
  }

  /**
   * Lyss with defaults into a file, except that AUDIT/SECURITY callers wait up to {@code
   * maxWaitMillis} for queue room before their events are coalesced or spilled: with 1000 they wait
   * for the writer, which measures its capacity like Logback's {@code discardingThreshold=0}.
   *
   * @param file the log file
   * @param maxWaitMillis the appender's {@code maxWaitMillis}
   */
  public static LoggerContext lyssFile(Path file, long maxWaitMillis) {
    return lyss(file(file), 0, maxWaitMillis);
  }

  /**
   * The usual setup with Logback's defaults (queue 256, INFO and below discarded when 80 % full,
   * callers block when full) into a file.
   *
   * @param file the log file
   * @param neverDiscard {@code discardingThreshold=0}: no event is discarded, callers wait for room
   *     when the queue is full (the writer's own capacity, comparable with Lyss AUDIT events)
   */
  public static LoggerContext logstashFile(Path file, boolean neverDiscard) {
    return logstash(file(file), 0, neverDiscard);
  }

  /**
   * Lyss's encoder behind logstash-logback-encoder's {@link LoggingEventAsyncDisruptorAppender}
   * (ring buffer 8192, its defaults) into a file: the candidate replacement of {@link
   * LyssAsyncAppender}'s queue.
   *
   * @param file the log file
   * @param neverDiscard {@code appendTimeout=-1}: callers wait for room instead of dropping
   */
  public static LoggerContext disruptorFile(Path file, boolean neverDiscard) {
    LoggerContext context = newContext("disruptor");
    LyssJsonEncoder encoder = lyssEncoder(context);
    Disruptor async = new Disruptor();
    async.setContext(context);
    async.setName("DISRUPTOR");
    if (neverDiscard) {
      async.setAppendTimeout(Duration.buildByMilliseconds(-1));
    }
    async.addAppender(file(file).apply(context, encoder));
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
    Appender<ILoggingEvent> appender = asyncAppender(context);
    if (appender instanceof LyssAsyncAppender lyss) {
      return lyss.getPendingCount();
    }
    if (appender instanceof Disruptor disruptor) {
      return disruptor.pending();
    }
    return ((AsyncAppender) appender).getNumberOfElementsInQueue();
  }

  /**
   * Spins until the writer thread has emptied the queue, so each batch starts alike.
   *
   * @param context a pipeline built here
   */
  public static void awaitDrained(LoggerContext context) {
    while (pending(context) > 0) {
      Thread.onSpinWait();
    }
  }

  /** {@code queueSize} 0 and {@code maxWaitMillis} -1 keep the appender's defaults. */
  private static LoggerContext lyss(Output output, int queueSize, long maxWaitMillis) {
    LoggerContext context = newContext("lyss");
    LyssJsonEncoder encoder = lyssEncoder(context);
    LyssAsyncAppender async = new LyssAsyncAppender();
    async.setContext(context);
    if (queueSize > 0) {
      async.setQueueSize(queueSize);
    }
    if (maxWaitMillis >= 0) {
      async.setMaxWaitMillis(maxWaitMillis);
    }
    async.addAppender(output.apply(context, encoder));
    async.start();
    root(context).addAppender(async);
    return context;
  }

  private static LyssJsonEncoder lyssEncoder(LoggerContext context) {
    LyssJsonEncoder encoder = new LyssJsonEncoder();
    encoder.setContext(context);
    encoder.setService("bench-service");
    encoder.setVersion("1.0.0");
    encoder.setRedaction(true);
    encoder.start();
    return encoder;
  }

  /** {@code queueSize} 0 keeps the appender's default. */
  private static LoggerContext logstash(Output output, int queueSize, boolean neverDiscard) {
    LoggerContext context = newContext("logstash");
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.start();
    AsyncAppender async = new AsyncAppender();
    async.setContext(context);
    async.setName("ASYNC");
    if (queueSize > 0) {
      async.setQueueSize(queueSize);
    }
    if (neverDiscard) {
      async.setDiscardingThreshold(0);
    }
    async.addAppender(output.apply(context, encoder));
    async.start();
    root(context).addAppender(async);
    return context;
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

  private static Output stream(OutputStream stream) {
    return (context, encoder) -> {
      OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
      appender.setContext(context);
      appender.setName("NULL");
      appender.setEncoder(encoder);
      appender.setOutputStream(stream);
      appender.start();
      return appender;
    };
  }

  private static Output file(Path file) {
    return (context, encoder) -> {
      FileAppender<ILoggingEvent> appender = new FileAppender<>();
      appender.setContext(context);
      appender.setName("FILE");
      appender.setFile(file.toString());
      appender.setEncoder(encoder);
      appender.start();
      return appender;
    };
  }

  /** The disruptor appender, with its queue length readable. */
  private static final class Disruptor extends LoggingEventAsyncDisruptorAppender {
    int pending() {
      var ring = getDisruptor().getRingBuffer();
      return (int) (ring.getBufferSize() - ring.remainingCapacity());
    }
  }
}
