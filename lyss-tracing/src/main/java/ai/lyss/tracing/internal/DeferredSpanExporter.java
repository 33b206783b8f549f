package ai.lyss.tracing.internal;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.ServiceConfigurationError;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A span exporter that builds the real one when the first batch is exported, on the batch
 * processor's thread, instead of while the service starts.
 *
 * <p>Building the JDK {@code HttpClient} behind the OTLP exporter loads the JDK's TLS stack and
 * reads its trust store even for an {@code http://} endpoint: about 0.25 s of CPU on one core,
 * which would otherwise sit between {@code main} and the first request served. Every setting is
 * still validated when the exporter is configured (the endpoint by OpenTelemetry's builder, the
 * sender by {@link Exporters}), so a wrong setting still stops start-up; only the construction of
 * the client waits. If building fails at export time (also with a {@link LinkageError} or {@link
 * ServiceConfigurationError}, which are passed on as an {@link IllegalStateException} so that the
 * batch processor's thread survives), that export fails (counted and reported by {@link
 * CountingSpanExporter}) and the next export tries again.
 */
final class DeferredSpanExporter implements SpanExporter {

  private final Supplier<SpanExporter> factory;
  private final String description;

  private @Nullable SpanExporter built; // guarded by this

  private boolean shutDown; // guarded by this

  /**
   * @param factory builds the real exporter; called at most once successfully
   * @param description what the exporter sends to, until it is built
   */
  DeferredSpanExporter(Supplier<SpanExporter> factory, String description) {
    this.factory = requireNonNull(factory, "factory");
    this.description = requireNonNull(description, "description");
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    SpanExporter exporter = exporter();
    return exporter == null ? CompletableResultCode.ofFailure() : exporter.export(spans);
  }

  @Override
  public CompletableResultCode flush() {
    SpanExporter exporter = builtOrNull();
    return exporter == null ? CompletableResultCode.ofSuccess() : exporter.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    SpanExporter exporter;
    synchronized (this) {
      if (shutDown) {
        return CompletableResultCode.ofSuccess();
      }
      shutDown = true;
      exporter = built;
    }
    return exporter == null ? CompletableResultCode.ofSuccess() : exporter.shutdown();
  }

  /** The real exporter, built now if it was not yet; null once shut down. */
  private synchronized @Nullable SpanExporter exporter() {
    if (shutDown) {
      return null;
    }
    SpanExporter exporter = built;
    if (exporter == null) {
      try {
        exporter = requireNonNull(factory.get(), "the exporter factory returned null");
      } catch (LinkageError | ServiceConfigurationError e) {
        // A sender jar that is broken or of the wrong version shows up here, no longer at
        // start-up: as an Error it would end the batch processor's thread, and tracing with it.
        throw new IllegalStateException("the OTLP exporter could not be built: " + e, e);
      }
      built = exporter;
    }
    return exporter;
  }

  private synchronized @Nullable SpanExporter builtOrNull() {
    return built;
  }

  /** Whether the real exporter has been built (for tests). */
  synchronized boolean isBuilt() {
    return built != null;
  }

  @Override
  public synchronized String toString() {
    SpanExporter exporter = built;
    return exporter != null ? exporter.toString() : "DeferredSpanExporter{" + description + "}";
  }
}
