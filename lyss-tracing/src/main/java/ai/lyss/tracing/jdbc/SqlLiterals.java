package ai.lyss.tracing.jdbc;

/**
 * Masks the literals of a SQL statement where OpenTelemetry's SQL analyzer cannot run (it needs a
 * newer OpenTelemetry API than Spring Boot manages): quoted strings (single and double quotes, as
 * in MySQL) and numbers become {@code ?}; comments are dropped. Identifiers, keywords and operators
 * stay. Conservative: an unterminated quote or comment masks the rest of the text.
 */
final class SqlLiterals {

  private SqlLiterals() {}

  static String mask(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(sql, i, c);
        out.append('?');
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (Character.isDigit(c) && !partOfIdentifier(out)) {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        out.append('?');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The index after a quoted literal starting at {@code start}; a doubled quote is escaped. */
  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      if (sql.charAt(i) == '\\' && i + 1 < sql.length()) {
        i += 2; // MySQL-style escape
        continue;
      }
      i++;
    }
    return sql.length();
  }

  private static boolean partOfIdentifier(StringBuilder out) {
    if (out.length() == 0) {
      return false;
    }
    char last = out.charAt(out.length() - 1);
    return Character.isLetterOrDigit(last) || last == '_' || last == '$';
  }
}
