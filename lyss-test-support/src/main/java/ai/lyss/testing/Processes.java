package ai.lyss.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs helper commands for the test servers. */
final class Processes {

  private Processes() {}

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Runs a command to completion (as {@code asUser} via runuser when root), or fails. */
  static String run(String asUser, List<String> command, long timeoutSeconds) throws IOException {
    List<String> full = new ArrayList<>();
    if (isRoot() && asUser != null) {
      full.addAll(List.of("runuser", "-u", asUser, "--"));
    }
    full.addAll(command);
    Path log = Files.createTempFile("lyss-cmd", ".log");
    try {
      Process p =
          new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!waitFor(p, timeoutSeconds)) {
        p.destroyForcibly();
        throw new IOException("command timed out: " + full);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IOException("command failed (" + p.exitValue() + "): " + full + "\n" + output);
      }
      return output;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static boolean waitFor(Process p, long timeoutSeconds) throws IOException {
    try {
      return p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + p.info().command().orElse("?"), e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // best effort cleanup of a temp dir
                }
              });
    } catch (IOException ignored) {
      // best effort
    }
  }
}
