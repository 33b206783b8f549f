package ai.lyss.demo;

import ai.lyss.demo.gateway.ChatGateway;
import ai.lyss.demo.gateway.ChatService;
import ai.lyss.demo.gateway.ConversationGateway;
import ai.lyss.demo.gateway.ConversationService;
import ai.lyss.demo.gateway.SessionGateway;
import ai.lyss.demo.gateway.SessionService;
import ai.lyss.demo.gateway.SimulatedModelProvider;
import ai.lyss.demo.gateway.TenantQuota;
import ai.lyss.demo.http.ApiServlet;
import ai.lyss.demo.http.NotFoundServlet;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;

/** Builds the gateway's services and the servlet context that serves them. */
final class DemoApplication implements AutoCloseable {

  private final ServletContextHandler context;

  private DemoApplication(ServletContextHandler context) {
    this.context = context;
  }

  static DemoApplication create(DemoConfig config) {
    Clock clock = Clock.systemUTC();
    SimulatedModelProvider provider =
        new SimulatedModelProvider(
            config.providerLatencyMs, config.providerFailureRate, config.seed);
    TenantQuota quota =
        new TenantQuota(
            config.quota, Duration.ofSeconds(config.quotaWindowSeconds), System::nanoTime);
    ChatService chat = new ChatGateway(provider, quota, clock);
    ConversationService conversations = new ConversationGateway(clock);
    SessionService sessions = new SessionGateway(clock);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new ApiServlet(chat, conversations, sessions)), "/v1/*");
    context.addServlet(new ServletHolder(new NotFoundServlet()), "/");
    return new DemoApplication(context);
  }

  Handler handler() {
    return context;
  }

  @Override
  public void close() {}
}
