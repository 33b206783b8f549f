package ai.lyss.core.internal;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a field name names a secret. Names are normalised (camelCase and {@code -},
 * {@code .}, space to {@code _}, lower case) and split into words, so {@code apiKey}, {@code
 * X-Api-Key} and {@code x_api_key} are all recognised, while counts such as {@code input_tokens}
 * and {@code token_type} are not.
 */
public final class SensitiveKeys {

  /** A key containing one of these words anywhere is sensitive. */
  private static final Set<String> ANYWHERE_WORDS =
      Set.of(
          "password",
          "passwd",
          "pwd",
          "passphrase",
          "secret",
          "authorization",
          "cookie",
          "credential",
          "credentials",
          "apikey",
          "jwt",
          "bearer");

  /** A key ending in one of these words is sensitive ({@code access_token}, not {@code tokens}). */
  private static final Set<String> LAST_WORDS = Set.of("token", "key", "sessionid", "signature");

  /** Words that make a trailing {@code key} sensitive ({@code api_key}, not {@code cache_key}). */
  private static final Set<String> KEY_QUALIFIERS =
      Set.of("api", "private", "access", "secret", "signing", "encryption", "client", "session");

  private static final int CACHE_LIMIT = 4096;

  private final Set<String> extraKeys;
  private final ConcurrentHashMap<String, Boolean> cache = new ConcurrentHashMap<>();

  /**
   * Built-in rules plus extra names.
   *
   * @param extraKeys more sensitive names
   */
  public SensitiveKeys(Set<String> extraKeys) {
    this.extraKeys = Set.copyOf(extraKeys.stream().map(SensitiveKeys::normalise).toList());
  }

  /**
   * Whether a value under this name must be masked whole.
   *
   * @param key the name
   */
  public boolean isSensitive(String key) {
    Boolean cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    boolean sensitive = decide(key);
    if (cache.size() < CACHE_LIMIT) {
      cache.put(key, sensitive);
    }
    return sensitive;
  }

  private boolean decide(String key) {
    String normal = normalise(key);
    if (extraKeys.contains(normal)) {
      return true;
    }
    String[] words = normal.split("_+");
    for (String word : words) {
      if (ANYWHERE_WORDS.contains(word)) {
        return true;
      }
    }
    int n = words.length;
    if (n == 0) {
      return false;
    }
    String last = words[n - 1];
    if (last.equals("key")) {
      return n >= 2 && KEY_QUALIFIERS.contains(words[n - 2]);
    }
    if (LAST_WORDS.contains(last)) {
      return true;
    }
    return n >= 2 && last.equals("id") && words[n - 2].equals("session");
  }

  static String normalise(String key) {
    StringBuilder out = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
        out.append('_');
      }
      out.append(Character.isLetterOrDigit(c) ? c : '_');
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
