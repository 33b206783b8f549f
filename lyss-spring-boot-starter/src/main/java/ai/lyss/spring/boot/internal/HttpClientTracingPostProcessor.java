package ai.lyss.spring.boot.internal;

import ai.lyss.tracing.LyssTracing;
import ai.lyss.tracing.http.TracingHttpClient;
import java.net.http.HttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@code java.net.http.HttpClient} bean in a {@link TracingHttpClient}, so calls made
 * through it run in CLIENT spans and carry the trace context. The tracing is looked up lazily: a
 * post-processor must not pull beans in early.
 */
public final class HttpClientTracingPostProcessor implements BeanPostProcessor {

  private final ObjectProvider<LyssTracing> tracing;

  /**
   * Creates the post-processor.
   *
   * @param tracing the tracing, resolved when the first client bean appears
   */
  public HttpClientTracingPostProcessor(ObjectProvider<LyssTracing> tracing) {
    this.tracing = tracing;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HttpClient client && !(bean instanceof TracingHttpClient)) {
      LyssTracing current = tracing.getIfAvailable();
      if (current != null) {
        return TracingHttpClient.wrap(client, current);
      }
    }
    return bean;
  }
}
