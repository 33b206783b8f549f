package ai.lyss.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The servers and tools the tests drive for real (PostgreSQL, Redis, openssl, promtool, amtool,
 * prometheus, alertmanager). A test whose tool is missing is skipped, saying which Debian package
 * to install; with {@value #SWITCH}{@code =1} in the environment (or the system property {@value
 * #PROPERTY}{@code =true}) it fails instead, so that CI cannot go green by skipping.
 */
public final class RequiredTools {

  /** The environment variable that turns a missing tool into a test failure. */
  public static final String SWITCH = "LYSS_REQUIRE_TEST_SERVERS";

  /** The system property with the same effect as {@link #SWITCH}. */
  public static final String PROPERTY = "lyss.requireTestServers";

  private RequiredTools() {}

  /**
   * Whether a missing tool fails the test rather than skipping it.
   *
   * @return true when {@value #SWITCH} is {@code 1}/{@code true} or {@value #PROPERTY} is {@code
   *     true}
   */
  public static boolean required() {
    return isOn(System.getenv(SWITCH)) || isOn(System.getProperty(PROPERTY));
  }

  private static boolean isOn(String value) {
    if (value == null) {
      return false;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.equals("1") || v.equals("true") || v.equals("yes");
  }

  /**
   * Finds an executable on the {@code PATH}, then in {@code otherPlaces}.
   *
   * @param binary the executable's file name
   * @param otherPlaces further candidate paths of the executable, tried in order
   * @return the executable, or empty when it is in none of those places
   */
  public static Optional<Path> find(String binary, Path... otherPlaces) {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String directory : path.split(File.pathSeparator)) {
        if (!directory.isEmpty()) {
          candidates.add(Path.of(directory, binary));
        }
      }
    }
    candidates.addAll(List.of(otherPlaces));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /**
   * The executable, found as {@link #find} does; skips the calling test (or fails it, see {@link
   * #required()}) when it is missing.
   *
   * @param binary the executable's file name
   * @param debianPackage the Debian package that installs it, for the message
   * @param otherPlaces further candidate paths of the executable, tried in order
   * @return the executable
   */
  public static Path binary(String binary, String debianPackage, Path... otherPlaces) {
    Optional<Path> found = find(binary, otherPlaces);
    available(
        found.isPresent(),
        binary
            + " is not installed (not on the PATH"
            + (otherPlaces.length == 0 ? "" : " nor in " + List.of(otherPlaces))
            + ")",
        "apt-get install " + debianPackage);
    return found.orElseThrow();
  }

  /**
   * Skips the calling test (or fails it, see {@link #required()}) unless {@code available}.
   *
   * @param available whether what the test needs is there
   * @param missing what is missing, e.g. "redis-server is not installed"
   * @param fix how to provide it, e.g. "apt-get install redis-server"
   */
  public static void available(boolean available, String missing, String fix) {
    if (available) {
      return;
    }
    if (required()) {
      Assertions.fail(
          missing
              + ": "
              + fix
              + ". This is a failure, not a skip, because "
              + SWITCH
              + "=1 (CI sets it); unset it to skip such tests locally.");
    }
    Assumptions.abort(missing + ": skipping. To run this test: " + fix + ".");
  }
}
