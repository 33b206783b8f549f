package ai.lyss.demo.gateway;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Keeps the events one class logs, with their SLF4J key/value fields. */
final class LogEvents extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
  private final Logger logger;

  LogEvents(Class<?> type) {
    logger = (Logger) LoggerFactory.getLogger(type);
    start();
    logger.addAppender(this);
  }

  static Map<String, Object> fields(ILoggingEvent event) {
    return event.getKeyValuePairs().stream()
        .collect(Collectors.toMap(kv -> kv.key, kv -> String.valueOf(kv.value)));
  }

  @Override
  protected void append(ILoggingEvent event) {
    events.add(event);
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    stop();
  }
}
