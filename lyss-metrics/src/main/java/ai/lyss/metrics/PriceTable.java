package ai.lyss.metrics;

import static java.util.Objects.requireNonNull;

import ai.lyss.metrics.internal.TableFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Model prices, from a file or from code, validated when built. A model may have several rows with
 * different effective dates; {@link #current} picks, per model, the latest row in effect on a date.
 *
 * <p>File format ({@link #load}): one row per line, {@code #} starts a comment:
 *
 * <pre>
 * # provider,model,input_per_million,output_per_million,cached_input_per_million,currency,effective_date
 * openai,gpt-4o,2.50,10.00,1.25,USD,2024-10-01
 * deepseek,deepseek-chat,0.27,1.10,,USD,2025-01-01
 * </pre>
 *
 * An empty cached-input price means the provider has no prompt-cache discount (the input price
 * applies).
 */
public final class PriceTable {

  /** The columns of a price file, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "provider",
          "model",
          "input_per_million",
          "output_per_million",
          "cached_input_per_million",
          "currency",
          "effective_date");

  private static final PriceTable EMPTY = new PriceTable(List.of());

  private final List<ModelPrice> prices;

  private PriceTable(List<ModelPrice> prices) {
    this.prices = List.copyOf(prices);
  }

  /** A table with no prices: every call is counted in {@code lyss_ai_price_missing_total}. */
  public static PriceTable empty() {
    return EMPTY;
  }

  /**
   * A table of prices given in code.
   *
   * @param prices the prices
   * @throws IllegalArgumentException when one model has two prices for the same date
   */
  public static PriceTable of(Collection<ModelPrice> prices) {
    List<ModelPrice> list = List.copyOf(requireNonNull(prices, "prices"));
    Map<String, ModelPrice> seen = new HashMap<>();
    for (ModelPrice p : list) {
      ModelPrice before = seen.putIfAbsent(key(p) + "|" + p.effectiveFrom(), p);
      if (before != null) {
        throw new IllegalArgumentException(
            "Two prices for "
                + p.provider()
                + "/"
                + p.model()
                + " from "
                + p.effectiveFrom()
                + "; keep one row per model and effective date");
      }
    }
    return new PriceTable(list);
  }

  /**
   * Loads and validates a price file (format above).
   *
   * @param file the file
   * @throws IllegalArgumentException naming the file, line and column, and the fix
   */
  public static PriceTable load(Path file) {
    return fromRows(TableFile.read(requireNonNull(file, "file"), COLUMNS));
  }

  /**
   * Parses and validates price text (format above), for tests and embedded tables.
   *
   * @param source the name used in error messages
   * @param text the rows
   * @throws IllegalArgumentException naming the source, line and column, and the fix
   */
  public static PriceTable parse(String source, String text) {
    return fromRows(TableFile.parse(source, text, COLUMNS));
  }

  private static PriceTable fromRows(List<TableFile.Row> rows) {
    List<ModelPrice> prices = new ArrayList<>();
    Map<String, String> where = new HashMap<>();
    for (TableFile.Row row : rows) {
      double input = row.amount(2);
      ModelPrice price =
          new ModelPrice(
              row.text(0),
              row.text(1),
              input,
              row.amount(3),
              row.isEmpty(4) ? input : row.amount(4),
              row.currency(5),
              row.date(6));
      row.claim(
          where,
          key(price) + "|" + price.effectiveFrom(),
          "price for " + price.provider() + "/" + price.model() + " from " + price.effectiveFrom(),
          "one row per model and effective date");
      prices.add(price);
    }
    return new PriceTable(prices);
  }

  /** Every row, in the order given. */
  public List<ModelPrice> all() {
    return prices;
  }

  /**
   * The price of each model in effect on a day: per (provider, model), the row with the latest
   * effective date not after {@code day}. Models whose rows all start later are left out.
   *
   * @param day the day (UTC)
   */
  public List<ModelPrice> current(LocalDate day) {
    Map<String, ModelPrice> best = new LinkedHashMap<>();
    for (ModelPrice p : prices) {
      if (!p.effectiveFrom().isAfter(day)) {
        best.merge(key(p), p, (a, b) -> b.effectiveFrom().isAfter(a.effectiveFrom()) ? b : a);
      }
    }
    return List.copyOf(best.values());
  }

  /**
   * The price of a model in effect on a day.
   *
   * @param provider the provider
   * @param model the model
   * @param day the day (UTC)
   */
  public Optional<ModelPrice> find(String provider, String model, LocalDate day) {
    for (ModelPrice p : current(day)) {
      if (p.provider().equals(provider) && p.model().equals(model)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static String key(ModelPrice p) {
    return p.provider() + "\u0000" + p.model();
  }
}
