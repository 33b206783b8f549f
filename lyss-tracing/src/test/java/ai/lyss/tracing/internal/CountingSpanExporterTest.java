package ai.lyss.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CountingSpanExporterTest {

  /** Named like OpenTelemetry's wrapper, which the reason looks past. */
  static final class FakeFailedExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FakeFailedExportException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Answers each export with the next queued result. */
  static class Scripted implements SpanExporter {
    final Deque<CompletableResultCode> results = new ArrayDeque<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return results.removeFirst();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(CountingSpanExporter.class);
  private final Scripted delegate = new Scripted();
  private final SpanPipelineCounters counters = new SpanPipelineCounters();
  private final CountingSpanExporter exporter =
      new CountingSpanExporter(delegate, counters, "OTLP export to http://collector:4318");
  private final List<SpanData> batch = Collections.nCopies(3, null);

  @BeforeEach
  void capture() {
    logger.setLevel(Level.INFO);
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void release() {
    logger.detachAppender(events);
    logger.setLevel(null);
  }

  private void export(CompletableResultCode result) {
    delegate.results.add(result);
    exporter.export(batch);
  }

  private List<String> messages() {
    return events.list.stream()
        .map(e -> e.getLevel() + " " + e.getFormattedMessage())
        .collect(Collectors.toList());
  }

  @Test
  void anOutageIsOneWarningAndItsEndOneInfo() {
    export(CompletableResultCode.ofSuccess());
    for (int i = 0; i < 5; i++) {
      export(
          CompletableResultCode.ofExceptionalFailure(new ConnectException("Connection refused")));
    }
    export(CompletableResultCode.ofSuccess());
    export(CompletableResultCode.ofSuccess());
    assertThat(messages())
        .containsExactly(
            "WARN OTLP export to http://collector:4318 is failing (ConnectException: Connection"
                + " refused): spans are counted in lyss_tracing_spans_export_failed_total and"
                + " dropped until an export succeeds again, which will be logged; no further"
                + " message per batch",
            "INFO OTLP export to http://collector:4318 recovered after 0 s: 5 exports with 15"
                + " spans failed meanwhile");
  }

  @Test
  void failuresAreCountedInSpansAndExports() {
    export(CompletableResultCode.ofFailure());
    export(CompletableResultCode.ofFailure());
    assertThat(counters.exportFailedSpans()).isEqualTo(6);
    assertThat(counters.failedExports()).isEqualTo(2);
    assertThat(exporter.isFailing()).isTrue();
  }

  @Test
  void anExporterThatThrowsCountsAsAFailure() {
    SpanExporter throwing =
        new Scripted() {
          @Override
          public CompletableResultCode export(Collection<SpanData> spans) {
            throw new IllegalStateException("boom");
          }
        };
    CountingSpanExporter wrapped = new CountingSpanExporter(throwing, counters, "Export");
    assertThat(wrapped.export(batch).isSuccess()).isFalse();
    assertThat(counters.failedExports()).isEqualTo(1);
  }

  @Test
  void reasonLooksPastTheWrapperToTheCauseWithAMessage() {
    Throwable okHttp =
        new FakeFailedExportException(
            "java.io.InterruptedIOException: timeout",
            new InterruptedIOException("timeout")
                .initCause(new ConnectException("Connection refused")));
    assertThat(CountingSpanExporter.reason(okHttp))
        .isEqualTo("ConnectException: Connection refused");
  }

  @Test
  void reasonLooksPastAWrapperThatOnlyRepeatsItsCause() {
    ConnectException refused = new ConnectException();
    Throwable olderJdkSender =
        new FakeFailedExportException(
            "java.io.UncheckedIOException: java.net.ConnectException",
            new java.io.UncheckedIOException(refused));
    assertThat(CountingSpanExporter.reason(olderJdkSender)).isEqualTo("ConnectException");
  }

  @Test
  void reasonWithoutMessagesNamesTheOutermostCause() {
    Throwable jdk =
        new FakeFailedExportException(
            "java.net.ConnectException",
            new ConnectException().initCause(new ClosedChannelException()));
    assertThat(CountingSpanExporter.reason(jdk)).isEqualTo("ConnectException");
  }
}
