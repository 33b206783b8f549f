package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MonitoredProxyTest extends MonitorApiContract {

  @Override
  ChatApi monitored(ChatApi target, LyssMetrics metrics) {
    return MonitoredProxy.create(ChatApi.class, target, metrics);
  }

  @Test
  void proxyingAClassIsRejectedWithAMessageNamingTheAlternative() {
    assertThatThrownBy(() -> MonitoredProxy.create(ChatApi.Impl.class, new ChatApi.Impl(), metrics))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MonitorApiAspect");
  }

  @Test
  void annotationOnTheInterfaceMethodIsHonoured() {
    Greeter greeter = MonitoredProxy.create(Greeter.class, name -> "hello " + name, metrics);

    assertThat(greeter.greet("bob")).isEqualTo("hello bob");
    assertThat(Recorded.requests(metrics.registry(), "endpoint", "greet", "status", "200"))
        .isEqualTo(1.0);
  }

  @Test
  void objectMethodsPassThroughToTheTarget() {
    ChatApi.Impl target = new ChatApi.Impl();
    ChatApi proxy = MonitoredProxy.create(ChatApi.class, target, metrics);

    assertThat(proxy.toString()).isEqualTo(target.toString());
    assertThat(proxy.hashCode()).isEqualTo(target.hashCode());
  }

  interface Greeter {
    @MonitorApi("greet")
    String greet(String name);
  }
}
