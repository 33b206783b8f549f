package ai.lyss.demo.gateway;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random, unguessable resource ids such as {@code conv_3f9c...}. */
final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String next(String prefix) {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }
}
