package ai.lyss.logging.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The proxies whose {@code X-Forwarded-For} header is believed: exact addresses or CIDR ranges,
 * IPv4 or IPv6. Only IP literals are accepted, so building this never does a DNS lookup.
 */
public final class TrustedProxies {

  private static final int MAX_HOPS = 32;

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = ranges;
  }

  /**
   * Parses {@code 10.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}, ...
   *
   * @param specs the addresses and ranges
   * @throws IllegalArgumentException naming the bad entry
   */
  public static TrustedProxies parse(Collection<String> specs) {
    List<Range> ranges = new ArrayList<>();
    for (String spec : specs) {
      String s = spec.strip();
      int slash = s.indexOf('/');
      String address = slash < 0 ? s : s.substring(0, slash);
      byte[] bytes = literal(address);
      if (bytes == null) {
        throw new IllegalArgumentException(
            "trustedProxies: '" + spec + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8)");
      }
      int prefix = bytes.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
          throw new IllegalArgumentException(
              "trustedProxies: bad prefix length in '"
                  + spec
                  + "' (0 to "
                  + bytes.length * 8
                  + ")");
        }
      }
      ranges.add(new Range(bytes, prefix));
    }
    return new TrustedProxies(List.copyOf(ranges));
  }

  /**
   * The client address: {@code remote} itself unless it is a trusted proxy, in which case the
   * right-most {@code X-Forwarded-For} entry that is not a trusted proxy.
   *
   * @param remote the peer address of the connection
   * @param forwardedFor the {@code X-Forwarded-For} header, may be {@code null}
   */
  public String clientIp(String remote, @Nullable String forwardedFor) {
    if (forwardedFor == null || ranges.isEmpty() || !isTrusted(remote)) {
      return remote;
    }
    String[] hops = forwardedFor.split(",");
    String client = remote;
    for (int i = hops.length - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
      String hop = hops[i].strip();
      if (literal(hop) == null) {
        return client; // junk in the chain: stop at the last address we could verify
      }
      client = hop;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean isTrusted(String address) {
    byte[] bytes = literal(address);
    if (bytes == null) {
      return false;
    }
    for (Range range : ranges) {
      if (range.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  private static byte @Nullable [] literal(String address) {
    if (address.isEmpty() || address.length() > 45) {
      return null;
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F')
              || c == ':'
              || c == '.';
      if (!ok) {
        return null;
      }
    }
    if (address.indexOf(':') < 0 && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return null; // hex words without a colon would be taken for host names
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[full] & mask) == (network[full] & mask);
    }
  }
}
