package ai.lyss.logging.internal;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;

/** The single logstash-logback-encoder provider that writes the whole Lyss schema. */
public final class LyssEventJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

  private final EventWriter writer;

  /**
   * Creates the provider.
   *
   * @param writer the event writer
   */
  public LyssEventJsonProvider(EventWriter writer) {
    this.writer = requireNonNull(writer, "writer");
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    writer.write(generator, event, EventWriter.Tier.FULL);
  }
}
