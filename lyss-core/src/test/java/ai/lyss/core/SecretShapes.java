package ai.lyss.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The secret-shape corpus ({@code ai/lyss/core/secret-shapes.tsv}), shared with the logging and
 * tracing tests through lyss-core's test jar, so every output is held to the same list.
 */
public final class SecretShapes {

  private static final String RESOURCE = "/ai/lyss/core/secret-shapes.tsv";

  private SecretShapes() {}

  /**
   * One shape.
   *
   * @param name what the shape is
   * @param key the field or parameter name the value sits under, or {@code null} for free text
   * @param value the value as an application would record it
   * @param secret the part that must never reach an output
   */
  public record Shape(String name, @Nullable String key, String value, String secret) {

    /** The shape as free text: {@code key=value}, or the value alone. */
    public String text() {
      return key == null ? value : key + "=" + value;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Every shape, in file order. */
  public static List<Shape> all() {
    try (InputStream in =
            Objects.requireNonNull(
                SecretShapes.class.getResourceAsStream(RESOURCE), RESOURCE + " is missing");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<Shape> shapes = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length != 4) {
          throw new IllegalStateException(RESOURCE + ": expected 4 columns in: " + line);
        }
        shapes.add(
            new Shape(
                columns[0],
                columns[1].isEmpty() ? null : columns[1],
                columns[2].replace("\\n", "\n"),
                columns[3]));
      }
      return List.copyOf(shapes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
