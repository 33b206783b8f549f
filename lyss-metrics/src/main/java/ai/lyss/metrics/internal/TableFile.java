package ai.lyss.metrics.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small comma-separated configuration file (price table, budgets): {@code #} comments and blank
 * lines skipped, a fixed number of columns per row. Every error names the file, the line, the
 * column and the fix, so a bad file stops the service at start-up with a message an operator can
 * act on.
 */
public final class TableFile {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  /** One data row. */
  public static final class Row {
    private final String source;
    private final int line;
    private final String[] cells;
    private final List<String> columns;

    Row(String source, int line, String[] cells, List<String> columns) {
      this.source = source;
      this.line = line;
      this.cells = cells;
      this.columns = columns;
    }

    /** Where the row is, {@code prices.csv line 3}. */
    public String where() {
      return source + " line " + line;
    }

    /**
     * A non-empty text cell.
     *
     * @param i column index
     */
    public String text(int i) {
      if (cells[i].isEmpty()) {
        throw error(i, "is empty; every row needs a " + columns.get(i));
      }
      return cells[i];
    }

    /**
     * A non-negative decimal cell.
     *
     * @param i column index
     */
    public double amount(int i) {
      String cell = text(i);
      try {
        BigDecimal value = new BigDecimal(cell);
        if (value.signum() < 0) {
          throw error(i, "is negative (" + cell + "); write an amount of 0 or more");
        }
        return value.doubleValue();
      } catch (NumberFormatException e) {
        throw error(i, "'" + cell + "' is not a number; write a decimal such as 2.50");
      }
    }

    /**
     * Whether a cell is empty (an optional column left out).
     *
     * @param i column index
     */
    public boolean isEmpty(int i) {
      return cells[i].isEmpty();
    }

    /**
     * An ISO 4217 currency code cell.
     *
     * @param i column index
     */
    public String currency(int i) {
      String cell = text(i);
      if (!CURRENCY.matcher(cell).matches()) {
        throw error(i, "'" + cell + "' is not an ISO 4217 code; write three capitals such as USD");
      }
      return cell;
    }

    /**
     * An ISO date cell.
     *
     * @param i column index
     */
    public LocalDate date(int i) {
      String cell = text(i);
      try {
        return LocalDate.parse(cell);
      } catch (DateTimeParseException e) {
        throw error(i, "'" + cell + "' is not a date; write it as YYYY-MM-DD");
      }
    }

    /**
     * An error about a cell.
     *
     * @param i column index
     * @param problem what is wrong and how to fix it
     */
    public IllegalArgumentException error(int i, String problem) {
      return new IllegalArgumentException(where() + ": " + columns.get(i) + " " + problem);
    }

    /**
     * Records that this row holds {@code key}; throws when an earlier row held it.
     *
     * @param claimed keys seen so far, with where they were
     * @param key what must be unique (provider and model and date, tenant and currency)
     * @param what the thing the key names, for the message ({@code a price for openai/gpt-4o})
     * @param rule how to fix it ({@code one row per model and effective date})
     */
    public void claim(Map<String, String> claimed, String key, String what, String rule) {
      String before = claimed.putIfAbsent(key, where());
      if (before != null) {
        throw error("a second " + what + " (first at " + before + "); keep " + rule);
      }
    }

    /**
     * An error about the row.
     *
     * @param problem what is wrong and how to fix it
     */
    public IllegalArgumentException error(String problem) {
      return new IllegalArgumentException(where() + ": " + problem);
    }
  }

  private TableFile() {}

  /**
   * Reads a file.
   *
   * @param file the file
   * @param columns the column names, in order
   * @throws IllegalArgumentException when the file cannot be read or a row has the wrong shape
   */
  public static List<Row> read(Path file, List<String> columns) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(
          "Cannot read " + file + " (" + e + "); check the path and that the service may read it",
          e);
    }
    return parse(file.toString(), text, columns);
  }

  /**
   * Parses text.
   *
   * @param source the name used in errors
   * @param text the content
   * @param columns the column names, in order
   */
  public static List<Row> parse(String source, String text, List<String> columns) {
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != columns.size()) {
        throw new IllegalArgumentException(
            source
                + " line "
                + (n + 1)
                + ": expected "
                + columns.size()
                + " comma-separated columns ("
                + String.join(",", columns)
                + "), found "
                + cells.length);
      }
      for (int i = 0; i < cells.length; i++) {
        cells[i] = cells[i].strip();
      }
      rows.add(new Row(source, n + 1, cells, columns));
    }
    return rows;
  }
}
