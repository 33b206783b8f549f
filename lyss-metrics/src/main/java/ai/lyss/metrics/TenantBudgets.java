package ai.lyss.metrics;

import static java.util.Objects.requireNonNull;

import ai.lyss.core.TenantResolver;
import ai.lyss.metrics.internal.TableFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-tenant AI spend budgets over a rolling 30 days, exported as {@code
 * ai_tenant_budget{tenant_id,currency}} for the budget alerts in {@code monitoring/}. Budgeted
 * tenants are admitted to the AI metrics' tenant guard at start-up, so their spend never folds into
 * {@code __overflow__}.
 *
 * <p>File format ({@link #load}): one row per line, {@code #} starts a comment:
 *
 * <pre>
 * # tenant_id,budget_30d,currency
 * acme,500.00,USD
 * </pre>
 */
public final class TenantBudgets {

  /** The columns of a budget file, in order. */
  public static final List<String> COLUMNS = List.of("tenant_id", "budget_30d", "currency");

  private static final TenantBudgets NONE = new TenantBudgets(List.of());

  /**
   * One tenant's budget.
   *
   * @param tenantId the tenant
   * @param amount the budget over a rolling 30 days, in the currency's major unit
   * @param currency ISO 4217 code
   */
  public record Budget(String tenantId, double amount, String currency) {

    /** Validates. */
    public Budget {
      requireNonNull(tenantId, "tenantId");
      requireNonNull(currency, "currency");
      if (tenantId.isBlank() || !(amount >= 0) || Double.isInfinite(amount)) {
        throw new IllegalArgumentException(
            "A budget needs a tenant id and a finite amount of 0 or more; got '"
                + tenantId
                + "' "
                + amount);
      }
      if (TenantResolver.isReserved(tenantId.strip())) {
        throw new IllegalArgumentException(
            "Tenant id '"
                + tenantId
                + "' is reserved for the metrics' catch-all series; budget a"
                + " real tenant");
      }
      if (!currency.matches("[A-Z]{3}")) {
        throw new IllegalArgumentException(
            "Budget currency '" + currency + "' is not an ISO 4217 code such as USD");
      }
    }
  }

  private final List<Budget> budgets;

  private TenantBudgets(List<Budget> budgets) {
    this.budgets = List.copyOf(budgets);
  }

  /** No budgets. */
  public static TenantBudgets none() {
    return NONE;
  }

  /**
   * Budgets given in code.
   *
   * @param budgets the budgets, at most one per tenant and currency
   */
  public static TenantBudgets of(List<Budget> budgets) {
    Map<String, Budget> seen = new HashMap<>();
    for (Budget b : requireNonNull(budgets, "budgets")) {
      if (seen.putIfAbsent(b.tenantId() + "|" + b.currency(), b) != null) {
        throw new IllegalArgumentException(
            "Two budgets for tenant " + b.tenantId() + " in " + b.currency() + "; keep one");
      }
    }
    return new TenantBudgets(budgets);
  }

  /**
   * Loads and validates a budget file (format above).
   *
   * @param file the file
   * @throws IllegalArgumentException naming the file, line and column, and the fix
   */
  public static TenantBudgets load(Path file) {
    return fromRows(TableFile.read(requireNonNull(file, "file"), COLUMNS));
  }

  /**
   * Parses and validates budget text (format above).
   *
   * @param source the name used in error messages
   * @param text the rows
   */
  public static TenantBudgets parse(String source, String text) {
    return fromRows(TableFile.parse(source, text, COLUMNS));
  }

  private static TenantBudgets fromRows(List<TableFile.Row> rows) {
    List<Budget> budgets = new ArrayList<>();
    Map<String, String> where = new HashMap<>();
    for (TableFile.Row row : rows) {
      Budget budget = new Budget(row.text(0), row.amount(1), row.currency(2));
      row.claim(
          where,
          budget.tenantId() + "|" + budget.currency(),
          "budget for tenant " + budget.tenantId() + " in " + budget.currency(),
          "one row per tenant and currency");
      budgets.add(budget);
    }
    return new TenantBudgets(budgets);
  }

  /** Every budget, in the order given. */
  public List<Budget> all() {
    return budgets;
  }
}
