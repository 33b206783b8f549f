package ai.lyss.tracing;

import ai.lyss.tracing.aspectj.TracedAspect;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

class TracedAspectTest extends TracedContract {

  @Override
  ChatService traced(DefaultChatService target) {
    AspectJProxyFactory factory = new AspectJProxyFactory(target);
    factory.setProxyTargetClass(true);
    factory.addAspect(new TracedAspect(tracing));
    return factory.getProxy();
  }
}
