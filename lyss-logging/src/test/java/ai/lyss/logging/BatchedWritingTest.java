package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.testing.Poll;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class BatchedWritingTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final LoggerContext context = new LoggerContext();

  {
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.start();
  }

  @AfterEach
  void tearDown() {
    context.stop();
  }

  /** Counts the write calls that reach it, like system calls on a file descriptor. */
  private static class CountingTarget extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final AtomicInteger writes = new AtomicInteger();

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      writes.incrementAndGet();
      bytes.write(b, off, len);
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    synchronized long lines() {
      return bytes.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
    }
  }

  private LyssJsonEncoder encoder() {
    LyssJsonEncoder encoder = new LyssJsonEncoder();
    encoder.setContext(context);
    encoder.setService("chat-gateway");
    encoder.start();
    return encoder;
  }

  private LyssConsoleAppender console() {
    LyssConsoleAppender console = new LyssConsoleAppender();
    console.setContext(context);
    console.setEncoder(encoder());
    console.start();
    return console;
  }

  private LyssAsyncAppender async(OutputStreamAppender<ILoggingEvent> output) {
    LyssAsyncAppender async = new LyssAsyncAppender();
    async.setContext(context);
    async.addAppender(output);
    async.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(async);
    return async;
  }

  private static void withStdout(OutputStream target, Runnable body) {
    PrintStream original = System.out;
    System.setOut(new PrintStream(target, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void anAttachedOutputStreamAppenderIsFlushedPerBatchNotPerEvent() {
    OutputStreamAppender<ILoggingEvent> output = new OutputStreamAppender<>();
    output.setContext(context);
    output.setEncoder(encoder());
    output.setOutputStream(new CountingTarget());
    output.start();
    assertThat(output.isImmediateFlush()).isTrue();

    async(output);

    assertThat(output.isImmediateFlush()).isFalse();
  }

  @Test
  void onItsOwnTheConsoleAppenderWritesEveryLineAtOnce() {
    CountingTarget stdout = new CountingTarget();
    withStdout(
        stdout,
        () -> {
          LyssConsoleAppender console = console();
          Logger logger = context.getLogger("direct");
          logger.addAppender(console);
          logger.info("first");
          assertThat(stdout.lines()).isEqualTo(1);
          logger.info("second");
          assertThat(stdout.lines()).isEqualTo(2);
        });
  }

  @Test
  void behindTheAsyncAppenderABurstOfLinesTakesFewWrites() {
    CountingTarget stdout = new CountingTarget();
    withStdout(
        stdout,
        () -> {
          LyssAsyncAppender async = async(console());
          StructuredLogger log = StructuredLogger.of(context.getLogger("burst"));
          for (int i = 0; i < 5_000; i++) {
            log.info("request handled", Fields.of("i", i));
          }
          Poll.until("5000 lines on standard output", DEADLINE, () -> stdout.lines() == 5_000);
          assertThat(async.getDroppedCount()).isZero();
        });
    // One write per line before batching; a batch holds up to 512 events.
    assertThat(stdout.writes.get()).isLessThan(500);
  }

  @Test
  void anIsolatedEventReachesTheOutputWithoutAnyoneElseFlushing() {
    CountingTarget stdout = new CountingTarget();
    withStdout(
        stdout,
        () -> {
          async(console());
          context.getLogger("quiet").info("only one");
          Poll.until("the single line", DEADLINE, () -> stdout.lines() == 1);
        });
  }

  @Test
  void stopWritesTheLastBatch() {
    CountingTarget stdout = new CountingTarget();
    withStdout(
        stdout,
        () -> {
          LyssAsyncAppender async = async(console());
          for (int i = 0; i < 100; i++) {
            context.getLogger("shutdown").info("event {}", i);
          }
          async.stop();
        });
    assertThat(stdout.lines()).isEqualTo(100);
  }

  @Test
  void aDropReportWrittenWhileIdleReachesTheOutputToo() throws InterruptedException {
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch writerBlocked = new CountDownLatch(1);
    CountingTarget stdout =
        new CountingTarget() {
          @Override
          public synchronized void write(byte[] b, int off, int len) {
            writerBlocked.countDown();
            try {
              gate.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            super.write(b, off, len);
          }
        };
    PrintStream original = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      LyssAsyncAppender async = new LyssAsyncAppender();
      async.setContext(context);
      async.setQueueSize(8);
      async.setDropReportIntervalMillis(200);
      async.addAppender(console());
      async.start();
      Logger logger = context.getLogger("burst");
      logger.addAppender(async);
      logger.info("stuck in the blocked output");
      assertThat(writerBlocked.await(30, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 100; i++) {
        logger.info("dropped while blocked");
      }
      gate.countDown();

      // The report comes once the queue is empty: nothing else will flush it.
      Poll.until(
          "the drop report on standard output",
          DEADLINE,
          () -> stdout.text().contains("\"level\":\"WARNING\""));
    } finally {
      gate.countDown();
      System.setOut(original);
    }
  }

  @Test
  void anOutOfRangeLingerFailsAtStartNamingTheSetting() {
    LyssAsyncAppender async = new LyssAsyncAppender();
    async.setContext(context);
    async.setLingerMillis(5_000);

    assertThatThrownBy(async::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lingerMillis");
  }
}
