package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.MDC;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An isolated Logback context whose root logger writes through {@link LyssJsonEncoder} into memory
 * (optionally behind {@link LyssAsyncAppender}); lines are parsed with duplicate-key detection on.
 */
public final class LogCapture implements AutoCloseable {

  public static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  final LoggerContext context = new LoggerContext();
  final CapturingStream stream = new CapturingStream();
  final LyssJsonEncoder encoder = new LyssJsonEncoder();
  LyssAsyncAppender async;

  private LogCapture() {}

  public static LogCapture sync() {
    return create(encoder -> {}, null);
  }

  public static LogCapture sync(Consumer<LyssJsonEncoder> configure) {
    return create(configure, null);
  }

  public static LogCapture async(Consumer<LyssAsyncAppender> configure) {
    return create(encoder -> {}, configure);
  }

  private static LogCapture create(
      Consumer<LyssJsonEncoder> configureEncoder, Consumer<LyssAsyncAppender> configureAsync) {
    LogCapture capture = new LogCapture();
    LoggerContext context = capture.context;
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.setName("capture");
    LyssJsonEncoder encoder = capture.encoder;
    encoder.setContext(context);
    encoder.setService("chat-gateway");
    encoder.setVersion("1.4.2");
    configureEncoder.accept(encoder);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> output = new OutputStreamAppender<>();
    output.setContext(context);
    output.setName("MEMORY");
    output.setEncoder(encoder);
    output.setOutputStream(capture.stream);
    output.start();
    Appender<ILoggingEvent> rootAppender = output;
    if (configureAsync != null) {
      LyssAsyncAppender async = new LyssAsyncAppender();
      async.setContext(context);
      configureAsync.accept(async);
      async.addAppender(output);
      async.start();
      capture.async = async;
      rootAppender = async;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.DEBUG);
    root.addAppender(rootAppender);
    context.start();
    return capture;
  }

  public Logger logger(String name) {
    return context.getLogger(name);
  }

  public StructuredLogger structured(String name) {
    return StructuredLogger.of(context.getLogger(name));
  }

  public List<String> rawLines() {
    String text = stream.text();
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    assertThat(text)
        .as("every line ends with a newline")
        .satisfiesAnyOf(t -> assertThat(t).isEmpty(), t -> assertThat(t).endsWith("\n"));
    return lines;
  }

  public List<JsonNode> lines() {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : rawLines()) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  JsonNode single() {
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }

  @Override
  public void close() {
    context.stop();
  }

  /** In-memory output that can be blocked, like a stalled pipe or a full disk. */
  static final class CapturingStream extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch blockedWriter = new CountDownLatch(1);

    void block() {
      gate = new CountDownLatch(1);
    }

    void unblock() {
      gate.countDown();
    }

    boolean awaitBlockedWriter(Duration timeout) throws InterruptedException {
      return blockedWriter.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      CountDownLatch current = gate;
      if (current.getCount() > 0) {
        blockedWriter.countDown();
        try {
          current.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
      synchronized (bytes) {
        bytes.write(b, off, len);
      }
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
