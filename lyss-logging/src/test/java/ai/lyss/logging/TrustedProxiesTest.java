package ai.lyss.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lyss.logging.internal.TrustedProxies;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final TrustedProxies proxies = TrustedProxies.parse(List.of("10.0.0.0/8", "fd00::1"));

  @Test
  void untrustedPeerIsTheClientWhateverItForwards() {
    assertThat(proxies.clientIp("203.0.113.9", "1.2.3.4")).isEqualTo("203.0.113.9");
  }

  @Test
  void trustedPeerYieldsTheRightMostUntrustedHop() {
    assertThat(proxies.clientIp("10.1.1.1", "6.6.6.6, 198.51.100.2, 10.2.2.2"))
        .isEqualTo("198.51.100.2");
  }

  @Test
  void ipv6ProxiesAreRecognised() {
    assertThat(proxies.clientIp("fd00::1", "2001:db8::7")).isEqualTo("2001:db8::7");
  }

  @Test
  void junkInTheChainStopsAtTheLastVerifiedAddress() {
    assertThat(proxies.clientIp("10.1.1.1", "evil.example.com")).isEqualTo("10.1.1.1");
  }

  @Test
  void hostNamesAreRejectedAtStartUpWithoutADnsLookup() {
    assertThatThrownBy(() -> TrustedProxies.parse(List.of("proxy.internal")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trustedProxies")
        .hasMessageContaining("proxy.internal");
  }

  @Test
  void badPrefixLengthIsRejected() {
    assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/33")))
        .hasMessageContaining("10.0.0.0/33");
  }
}
