package ai.lyss.tracing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TracedProxyTest extends TracedContract {

  @Override
  ChatService traced(DefaultChatService target) {
    return TracedProxy.create(ChatService.class, target, tracing);
  }

  @Test
  void proxyOfAClassIsRefusedWithTheAlternative() {
    assertThatThrownBy(
            () -> TracedProxy.create(DefaultChatService.class, new DefaultChatService(), tracing))
        .hasMessageContaining("must be an interface")
        .hasMessageContaining("TracedAspect");
  }
}
