package ai.lyss.metrics;

import ai.lyss.metrics.aspectj.MonitorApiAspect;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

class MonitorApiAspectTest extends MonitorApiContract {

  @Override
  ChatApi monitored(ChatApi target, LyssMetrics metrics) {
    AspectJProxyFactory factory = new AspectJProxyFactory(target);
    factory.addAspect(new MonitorApiAspect(metrics));
    return factory.getProxy();
  }
}
