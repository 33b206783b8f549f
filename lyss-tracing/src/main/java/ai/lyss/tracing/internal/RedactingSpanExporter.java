package ai.lyss.tracing.internal;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.Redactor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The safety net for spans Lyss did not record itself (other instrumentation on the same SDK):
 * masks secrets in span names, status descriptions and every string attribute of spans and their
 * events before the delegate sees them, with the shared {@link Redactor}. A value under a sensitive
 * key ({@code http.request.header.authorization}) is masked whole. Spans with nothing to mask are
 * passed on as the same objects; it runs on the export thread, never on a request thread.
 */
public final class RedactingSpanExporter extends ForwardingSpanExporter {

  private final Redactor redactor;

  /**
   * Wraps an exporter with the default rules.
   *
   * @param delegate the real exporter
   */
  public RedactingSpanExporter(SpanExporter delegate) {
    this(delegate, Redactor.defaults());
  }

  /**
   * Wraps an exporter.
   *
   * @param delegate the real exporter
   * @param redactor the rules
   */
  public RedactingSpanExporter(SpanExporter delegate, Redactor redactor) {
    super(delegate);
    this.redactor = requireNonNull(redactor, "redactor");
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    List<SpanData> out = null;
    int index = 0;
    for (SpanData span : spans) {
      SpanData masked = mask(span);
      if (masked != span) {
        if (out == null) {
          out = new ArrayList<>(spans);
        }
        out.set(index, masked);
      }
      index++;
    }
    return delegate.export(out == null ? spans : out);
  }

  private SpanData mask(SpanData span) {
    String name = redactor.redact(span.getName());
    StatusData status = span.getStatus();
    String description = redactor.redact(status.getDescription());
    Attributes attributes = mask(span.getAttributes());
    List<EventData> events = maskEvents(span.getEvents());
    if (name == span.getName()
        && description == status.getDescription()
        && attributes == span.getAttributes()
        && events == span.getEvents()) {
      return span;
    }
    StatusData maskedStatus =
        description == status.getDescription()
            ? status
            : StatusData.create(status.getStatusCode(), description);
    return new Masked(span, name, maskedStatus, attributes, events);
  }

  private List<EventData> maskEvents(List<EventData> events) {
    List<EventData> out = null;
    for (int i = 0; i < events.size(); i++) {
      EventData event = events.get(i);
      Attributes attributes = mask(event.getAttributes());
      if (attributes != event.getAttributes() && out == null) {
        out = new ArrayList<>(events.subList(0, i));
      }
      if (out != null) {
        out.add(
            attributes == event.getAttributes()
                ? event
                : EventData.create(
                    event.getEpochNanos(),
                    event.getName(),
                    attributes,
                    event.getTotalAttributeCount()));
      }
    }
    return out == null ? events : out;
  }

  /** The same instance when no value changes (the common case allocates nothing but a lambda). */
  private Attributes mask(Attributes attributes) {
    boolean[] changed = new boolean[1];
    attributes.forEach(
        (key, value) -> {
          if (!changed[0] && masked(key, value) != value) {
            changed[0] = true;
          }
        });
    if (!changed[0]) {
      return attributes;
    }
    AttributesBuilder out = Attributes.builder();
    attributes.forEach((key, value) -> put(out, key, masked(key, value)));
    return out.build();
  }

  private Object masked(AttributeKey<?> key, Object value) {
    if (value instanceof String text) {
      return redactor.isSensitiveKey(key.getKey()) && !text.isEmpty() && !text.equals(Redactor.MASK)
          ? Redactor.MASK
          : redactor.redact(text);
    }
    if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String) {
      boolean sensitive = redactor.isSensitiveKey(key.getKey());
      List<String> out = null;
      for (int i = 0; i < list.size(); i++) {
        String text = (String) list.get(i);
        String masked = sensitive ? Redactor.MASK : redactor.redact(text);
        if (!masked.equals(text) && out == null) {
          out = new ArrayList<>(list.size());
          for (int j = 0; j < i; j++) {
            out.add((String) list.get(j));
          }
        }
        if (out != null) {
          out.add(masked);
        }
      }
      return out == null ? value : out;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static void put(AttributesBuilder out, AttributeKey<?> key, Object value) {
    out.put((AttributeKey<Object>) key, value);
  }

  /** A span with masked texts; everything else comes from the original. */
  private static final class Masked extends DelegatingSpanData {
    private final String name;
    private final StatusData status;
    private final Attributes attributes;
    private final List<EventData> events;

    Masked(
        SpanData delegate,
        String name,
        StatusData status,
        Attributes attributes,
        List<EventData> events) {
      super(delegate);
      this.name = name;
      this.status = status;
      this.attributes = attributes;
      this.events = events;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public StatusData getStatus() {
      return status;
    }

    @Override
    public Attributes getAttributes() {
      return attributes;
    }

    @Override
    public List<EventData> getEvents() {
      return events;
    }
  }
}
