package ai.lyss.metrics.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Writes the Prometheus exposition of a registry, in the format the scraper asked for. */
public final class Exposition {

  /** Prometheus text format 0.0.4, the default. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /** OpenMetrics text 1.0.0, chosen when the Accept header asks for it; carries exemplars. */
  public static final String OPENMETRICS_TEXT =
      "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  private Exposition(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * The exposition of a registry.
   *
   * @param registry a {@code PrometheusMeterRegistry}, or a composite holding one
   * @throws IllegalStateException when there is no Prometheus registry to scrape
   */
  public static Exposition of(MeterRegistry registry) {
    PrometheusMeterRegistry prometheus = find(registry);
    if (prometheus == null) {
      throw new IllegalStateException(
          "The /metrics endpoint needs a PrometheusMeterRegistry, but LyssMetrics was built with "
              + registry.getClass().getName()
              + ": build LyssMetrics without registry(...) to get one, or pass a"
              + " PrometheusMeterRegistry or a CompositeMeterRegistry containing one");
    }
    return new Exposition(prometheus);
  }

  /**
   * Whether {@link #of} can scrape a registry.
   *
   * @param registry a registry
   * @return true for a {@code PrometheusMeterRegistry} or a composite holding one
   */
  public static boolean canScrape(MeterRegistry registry) {
    return find(registry) != null;
  }

  private static @Nullable PrometheusMeterRegistry find(MeterRegistry registry) {
    if (registry instanceof PrometheusMeterRegistry prometheus) {
      return prometheus;
    }
    if (registry instanceof CompositeMeterRegistry composite) {
      for (MeterRegistry child : composite.getRegistries()) {
        PrometheusMeterRegistry found = find(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * The content type to answer a scrape with: OpenMetrics when the Accept header names it, else the
   * Prometheus text format.
   *
   * @param accept the request's Accept header, may be {@code null}
   */
  public static String contentTypeFor(@Nullable String accept) {
    if (accept != null
        && accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text")) {
      return OPENMETRICS_TEXT;
    }
    return PROMETHEUS_TEXT;
  }

  /**
   * The exposition as a string.
   *
   * @param contentType {@link #PROMETHEUS_TEXT} or {@link #OPENMETRICS_TEXT}
   */
  public String scrape(String contentType) {
    return registry.scrape(contentType);
  }

  /**
   * Writes the exposition.
   *
   * @param out where to write
   * @param contentType {@link #PROMETHEUS_TEXT} or {@link #OPENMETRICS_TEXT}
   * @throws IOException when writing fails
   */
  public void write(OutputStream out, String contentType) throws IOException {
    registry.scrape(out, contentType);
  }
}
