package ai.lyss.spring.boot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Setter validation shared by the properties classes: every message names the property. */
final class Checks {

  private Checks() {}

  static @Nullable String notBlank(String property, @Nullable String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(
          property + " must not be blank: remove it to use the default, or give a value");
    }
    return value == null ? null : value.strip();
  }

  static int between(String property, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          property + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  static Duration positive(String property, Duration value, boolean zeroAllowed) {
    if (value.isNegative() || (!zeroAllowed && value.isZero())) {
      throw new IllegalArgumentException(
          property
              + " must be "
              + (zeroAllowed ? "zero or positive" : "positive")
              + ", was "
              + value
              + ": use for example 5s or 500ms");
    }
    return value;
  }

  static String path(String property, String value) {
    if (value.isBlank() || !value.startsWith("/") || value.endsWith("/") || value.contains("*")) {
      throw new IllegalArgumentException(
          property
              + " must be a path such as /metrics (leading slash, no trailing slash, no"
              + " wildcard), was '"
              + value
              + "'");
    }
    return value;
  }
}
