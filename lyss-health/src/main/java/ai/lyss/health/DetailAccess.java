package ai.lyss.health;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.RequestView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Predicate;

/**
 * Ready-made rules for who may see error texts and details in the health endpoints. Anyone else
 * sees only statuses and {@value HealthReport#GENERIC_ERROR}. Any {@code Predicate<RequestView>}
 * works, for example one that checks a client certificate attribute.
 */
public final class DetailAccess {

  private DetailAccess() {}

  /** Nobody sees details (the default of the endpoints). */
  public static Predicate<RequestView> none() {
    return request -> false;
  }

  /** Everybody sees details: only for endpoints reachable from a trusted network. */
  public static Predicate<RequestView> everyone() {
    return request -> true;
  }

  /**
   * Callers sending {@code Authorization: Bearer <token>} see details. Compared in constant time.
   *
   * @param token the expected token, at least 16 characters
   */
  public static Predicate<RequestView> bearerToken(String token) {
    requireNonNull(token, "token");
    if (token.length() < 16) {
      throw new IllegalArgumentException(
          "health detail token must be at least 16 characters: generate a random one");
    }
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    return request -> {
      String header = request.header("Authorization");
      return header != null
          && MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8));
    };
  }
}
